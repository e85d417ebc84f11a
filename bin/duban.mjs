#!/usr/bin/env node
// The `duban` command. Duban runs its TypeScript sources directly through tsx, so there is no
// separate server build that could go stale.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli/main.ts');
