import type { APIRoute } from 'astro';
import { loadSiteData } from '../../../lib/site/load.ts';
import { readSourceBytes } from '../../../lib/site/source.ts';
import { ownsRegionCode } from '../../../lib/site/shard.ts';

/**
 * The original PDF of a PDF report, published beside it (the source view links `#page=N`): a
 * .pdf, or a PDF read under another name (report.txt, a crawler's file with no extension: its
 * `encoding` says `pdf (N pages) (named .txt)`).
 */
export async function getStaticPaths() {
  const data = await loadSiteData();
  return data.reports
    .filter(
      (r) =>
        ownsRegionCode(r.region_code) &&
        (/\.pdf$/i.test(r.source_file) || /^pdf \(/.test(r.encoding)) &&
        // Only the very file the report was read from (not one edited since).
        readSourceBytes(r.source_file, r.source_sha256),
    )
    .map((r) => ({ params: { id: r.report_id }, props: { file: r.source_file, sha256: r.source_sha256 } }));
}

export const GET: APIRoute = ({ props }) => {
  const { file, sha256 } = props as { file: string; sha256: string };
  const bytes = readSourceBytes(file, sha256)!;
  return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': 'application/pdf' } });
};
