import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SAMPLE_PATH = join(__dirname, '..', '..', 'samples', 'kaminoyama-r3-chapter5.txt');
export const sampleText = (): string => readFileSync(SAMPLE_PATH, 'utf8');
