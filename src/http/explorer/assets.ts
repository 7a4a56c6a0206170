// GraphiQL and React as their packages ship them, read from node_modules: nothing is fetched from a
// CDN, so the explorer works on closed networks, and nothing is built or committed.
import { dirname, join } from 'node:path';

export interface Asset {
  file: string;
  contentType: string;
}

/** Packages' "exports" maps hide these files from require.resolve; their package.json is always visible. */
const packageFile = (name: string, file: string): string => join(dirname(require.resolve(`${name}/package.json`)), file);

const JS = 'text/javascript; charset=utf-8';

export const EXPLORER_ASSETS: Readonly<Record<string, Asset>> = {
  'react.js': { file: packageFile('react', 'umd/react.production.min.js'), contentType: JS },
  'react-dom.js': { file: packageFile('react-dom', 'umd/react-dom.production.min.js'), contentType: JS },
  'graphiql.js': { file: packageFile('graphiql', 'graphiql.min.js'), contentType: JS },
  'graphiql.css': { file: packageFile('graphiql', 'graphiql.min.css'), contentType: 'text/css; charset=utf-8' },
};

export const ASSET_PATH = '/explorer/assets';
