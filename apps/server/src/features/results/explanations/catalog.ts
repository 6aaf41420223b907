/** Public entry point for lab test explanations; the content lives in the topic files. */
export { LAB_EXPLANATIONS, explanationFor, type Bilingual, type LabExplanation } from './index.ts';
