/**
 * Unit tests import the forms core's modules directly, not through `@nongan/forms` (whose index
 * provides the pattern engine). Provide it here as the index would; `patternEngine.test.ts` checks
 * the unprovided and lazily loaded paths on fresh module instances.
 */
import { RE2JS } from 're2js';
import { providePatternEngine } from '../../src/validation/patternEngine.js';

providePatternEngine(RE2JS);
