// Tests that start the real server as a child process run the compiled CLI: compile it once (swc, ~1 s).
const { execFileSync } = require('node:child_process');

module.exports = async () => {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: `${__dirname}/../..`, stdio: 'inherit' });
};
