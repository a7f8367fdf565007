/** `npm run deploy:nginx`: writes deploy/nginx.conf from the policy in src/lib/security.ts. */
import { writeFileSync } from 'node:fs';
import { nginxConf } from '../src/lib/security.ts';

writeFileSync('deploy/nginx.conf', nginxConf());
console.log('已写入 deploy/nginx.conf（来自 src/lib/security.ts）。');
