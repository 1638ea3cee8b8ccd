import { z } from 'zod';
import { CellState, Era, Layout, Outcome, RegionBasis, ReportStatus, TableId } from '../schema/datasets.ts';

/** What the synthetic generator knows about a file it wrote: the ground truth `eval` checks. */
export const TruthCell = z.object({
  table_id: TableId,
  row_key: z.string(),
  col_key: z.string(),
  value: z.number().nullable(),
  state: CellState,
});
export type TruthCell = z.infer<typeof TruthCell>;

export const Truth = z.object({
  file: z.string(),
  /** The flattening and quirks used, for per-style accuracy. */
  style: z.string(),
  quirks: z.array(z.string()),
  encoding: z.string(),
  outcome: Outcome,
  report: z
    .object({
      agency: z.string(),
      year: z.number().int().nullable(),
      region_code: z.string().nullable(),
      region_basis: RegionBasis,
      layout_active: Layout.nullable(),
      layout_requests: Layout.nullable(),
      era: Era,
      status: ReportStatus,
      /** Metadata the parser should find (synth/metadata.ts); absent in older truth files. */
      title: z.string().optional(),
      /**
       * The agency's name as the title writes it when the issuer's is the agency (a garbled year
       * after it: quirk title-year-garbled), else null; absent in older truth files.
       */
      title_agency: z.string().nullable().optional(),
      published_on: z.string().nullable().optional(),
      published_on_basis: z.enum(['label', 'signature']).nullable().optional(),
      source_url: z.string().nullable().optional(),
      /** The file this one is a copy of (same report, other bytes): its row must point there. */
      duplicate_of_file: z.string().nullable().optional(),
    })
    .nullable(),
  cells: z.array(TruthCell),
  failing_checks: z.array(z.string()),
});
export type Truth = z.infer<typeof Truth>;
