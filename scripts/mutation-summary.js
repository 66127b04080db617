#!/usr/bin/env node
// The mutation score per file and in total from Stryker's JSON report, as one JSON line:
//   {"mutationScore": 93.1, "files": {"platform/auth/src/access.ts": 100, ...}}
// Score as Stryker counts it: (killed + timed out) / (killed + timed out + survived + no coverage).
// Exits 1 when a file scores under 85 % or the total under 90 % (the message comes before the line).
const { readFileSync } = require('node:fs');
const { relative, resolve } = require('node:path');

const FILE_MINIMUM = 85;
const TOTAL_MINIMUM = 90;

function summarize(report, root = process.cwd()) {
  let detected = 0;
  let valid = 0;
  const files = {};
  const survivors = [];
  for (const [name, file] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
    let fileDetected = 0;
    let fileValid = 0;
    for (const mutant of file.mutants) {
      if (mutant.status === 'Killed' || mutant.status === 'Timeout') fileDetected++;
      if (['Killed', 'Timeout', 'Survived', 'NoCoverage'].includes(mutant.status)) fileValid++;
      if (mutant.status === 'Survived' || mutant.status === 'NoCoverage') survivors.push(`${relative(root, resolve(root, name))}:${mutant.location.start.line} ${mutant.mutatorName} (${mutant.status})`);
    }
    detected += fileDetected;
    valid += fileValid;
    files[relative(root, resolve(root, name))] = round(fileValid ? (fileDetected / fileValid) * 100 : 100);
  }
  return { mutationScore: round(valid ? (detected / valid) * 100 : 100), files, survivors };
}

const round = (n) => Math.round(n * 100) / 100;

function main() {
  const path = process.argv[2] ?? 'reports/mutation/mutation.json';
  const { mutationScore, files, survivors } = summarize(JSON.parse(readFileSync(path, 'utf8')));
  const low = Object.entries(files).filter(([, score]) => score < FILE_MINIMUM);
  if (survivors.length) console.log(`Surviving mutants:\n  ${survivors.join('\n  ')}`);
  if (low.length) console.log(`Under ${FILE_MINIMUM} %: ${low.map(([f, s]) => `${f} ${s} %`).join(', ')}`);
  if (mutationScore < TOTAL_MINIMUM) console.log(`Total ${mutationScore} % is under ${TOTAL_MINIMUM} %`);
  console.log(JSON.stringify({ mutationScore, files }));
  return low.length || mutationScore < TOTAL_MINIMUM ? 1 : 0;
}

module.exports = { summarize };
if (require.main === module) process.exitCode = main();
