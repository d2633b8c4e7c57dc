#!/usr/bin/env node
// The compiled CLI in a few chunks (npm run build): loading ~100 modules one by one costs start-up
// time on every `validate`. Commands that need more (serve, worker) load their chunks on demand.
import '../dist/bundle/bin.js';
