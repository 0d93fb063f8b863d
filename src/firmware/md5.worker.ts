import { handleMd5Request, type Md5WorkerReply } from './md5-worker-protocol';

// The DOM lib types `self` as a Window; this is the slice of a dedicated worker scope used here.
interface WorkerScope {
  postMessage(reply: Md5WorkerReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

const scope = self as unknown as WorkerScope;
scope.addEventListener('message', (event) => {
  void handleMd5Request(event.data, (reply) => scope.postMessage(reply));
});
