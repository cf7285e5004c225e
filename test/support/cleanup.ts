import { afterEach } from 'vitest';
import { removeTemporaryFolders } from './temporary.js';

// Every test leaves /tmp as it found it.
afterEach(removeTemporaryFolders);
