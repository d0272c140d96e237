// Entry of every worker thread: the workers are TypeScript modules, loaded
// through tsx as the server is (Node 20 does not apply a parent's or an
// `--import`ed loader to a worker's entry module). The module is process.argv[2].
import { register } from 'tsx/esm/api';

register();
await import(process.argv[2]);
