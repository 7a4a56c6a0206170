#!/usr/bin/env node
'use strict';
// Runs the compiled CLI; `npm run build` (or `npm start`) compiles it with swc.
require('../dist/src/cli/main.js');
