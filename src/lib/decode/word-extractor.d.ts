// word-extractor ships no types; only what word.ts uses is declared.
declare module 'word-extractor' {
  interface Document {
    getBody(): string;
  }
  export default class WordExtractor {
    extract(source: string | Buffer): Promise<Document>;
  }
}
