'use strict';
// Preloaded (node -r) into the CLI by hostile.test.ts: at exit, writes the process's CPU
// seconds and peak RSS to the file named by HOSTILE_USAGE_FILE, leaving stdout and stderr alone.
const fs = require('fs');
process.on('exit', () => {
  const u = process.resourceUsage();
  fs.writeFileSync(process.env.HOSTILE_USAGE_FILE, JSON.stringify({ cpu: (u.userCPUTime + u.systemCPUTime) / 1e6, rssMB: u.maxRSS / 1024 }));
});
