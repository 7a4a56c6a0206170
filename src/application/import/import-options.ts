import type { ImportCatalog } from '../../importer/absences';

export interface ImportProgress {
  /** Streams decided so far, of `total`. */
  done: number;
  total: number;
}

export interface ImportOptions {
  actor: string;
  reason?: string | null;
  dryRun?: boolean;
  /** Named in error messages, e.g. the file path (for a text given alone). */
  file?: string;
  catalog?: ImportCatalog | null;
  onProgress?: (progress: ImportProgress) => void;
}
