#!/usr/bin/env node
// `npx llm-lineage …`: the user CLI (src/cli/main.ts), run through tsx like the rest of the project.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
