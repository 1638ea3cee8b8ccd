// The frictionless `datapackage` library ships no types; only what the tests use is declared.
declare module 'datapackage' {
  interface Validation {
    valid: boolean;
    errors: Error[];
  }
  const dp: {
    validate(descriptor: object): Promise<Validation>;
    Profile: { load(name: string): Promise<{ validate(descriptor: object): Validation }> };
  };
  export default dp;
}
