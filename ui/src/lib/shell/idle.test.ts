import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleTimer, minutesToMs } from './idle';

describe('IdleTimer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fires after the delay without activity, once', () => {
    const onIdle = vi.fn();
    const t = new IdleTimer(minutesToMs(10), onIdle, window);
    t.start();
    vi.advanceTimersByTime(minutesToMs(10) - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(minutesToMs(30));
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('counts from the last keyboard or mouse activity', () => {
    const onIdle = vi.fn();
    const t = new IdleTimer(minutesToMs(2), onIdle, window);
    t.start();
    vi.advanceTimersByTime(90_000);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    vi.advanceTimersByTime(90_000);
    expect(onIdle).not.toHaveBeenCalled();
    window.dispatchEvent(new MouseEvent('mousemove'));
    vi.advanceTimersByTime(119_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    t.stop();
  });

  it('stops listening when stopped', () => {
    const onIdle = vi.fn();
    const t = new IdleTimer(60_000, onIdle, window);
    t.start();
    t.stop();
    vi.advanceTimersByTime(10 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();
  });

  it('a shorter delay applies from the last activity', () => {
    const onIdle = vi.fn();
    const t = new IdleTimer(minutesToMs(10), onIdle, window);
    t.start();
    vi.advanceTimersByTime(minutesToMs(3));
    t.setDelay(minutesToMs(2));
    expect(onIdle).toHaveBeenCalledTimes(0);
    vi.advanceTimersByTime(0);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });
});
