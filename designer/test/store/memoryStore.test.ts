import { createMemoryDesignerStore } from '../../src/index.js';
import { designerStoreConformance } from './conformance.js';

designerStoreConformance('memory', async () => createMemoryDesignerStore());
