import { fromRoot } from '../config/paths';

/** The 上山市 令和3年度 chapter 5 report shipped with the repository. */
export const BUNDLED_SAMPLE = fromRoot('samples', 'kaminoyama-r3-chapter5.txt');

/** The sample is 上山市's report. */
export const BUNDLED_SAMPLE_MUNICIPALITY = '062073';
