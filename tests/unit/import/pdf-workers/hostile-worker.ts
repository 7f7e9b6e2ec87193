import { parentPort } from 'node:worker_threads';

// A PDF reader that answers with something other than pages of text runs, and with prototypes
// of its own: nothing of it may be taken.
parentPort!.postMessage(JSON.parse('{"ok":true,"pages":[{"width":612,"runs":[{"str":"x","x":1,"y":2,"w":3,"h":"11"}]}],"__proto__":{"polluted":"yes"}}'));
