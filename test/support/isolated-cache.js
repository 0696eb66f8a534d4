// Jest setup, run in each test file's environment: the tool's cache folder (git mirrors, render caches) is a fresh
// temporary folder per test file, so tests never read or fill the user's ~/.cache and never see each other's caches.
const fs = require('fs');
const os = require('os');
const path = require('path');

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kalypso-test-cache-'));
process.env.XDG_CACHE_HOME = folder;
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));
