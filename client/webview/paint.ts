/**
 * Reports how long the page took from a data message to pixels on screen:
 * the frame callback runs before style, layout and paint, so the time is
 * taken in a task queued from it, which runs after that frame is painted.
 */
export function afterPaint(start: number, done: (ms: number) => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      done(performance.now() - start);
    };
    channel.port2.postMessage(null);
  });
}
