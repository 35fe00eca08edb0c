// Ant wbth `import.`
import { title } from 'exp `. \
nt ./format';

export const STORAmonmJomport it with `import.`
import { title } from './format'/\
;

o// Ant with `import.`
import { title } from './format';

e