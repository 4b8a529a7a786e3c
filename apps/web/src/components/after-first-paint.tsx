import { createSignal, onCleanup, onMount, type ParentProps, Show } from 'solid-js';

/**
 * Its children, made once the browser has painted what came before them: a heavy page shows its
 * main view first and the rest a frame later. (A frame callback runs before the paint; the task
 * it queues runs after.)
 */
export function AfterFirstPaint(props: ParentProps) {
  const [painted, setPainted] = createSignal(false);
  onMount(() => {
    let task: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      task = setTimeout(() => setPainted(true));
    });
    onCleanup(() => {
      cancelAnimationFrame(frame);
      clearTimeout(task);
    });
  });
  return <Show when={painted()}>{props.children}</Show>;
}
