/** `npm run diagrams:report [-- --no-pixels]`: see src/tools/diagrams-report/report.ts. */
import { diagramsReport } from '../tools/diagrams-report/report.ts';

console.log(await diagramsReport({ pixels: !process.argv.includes('--no-pixels') }));
