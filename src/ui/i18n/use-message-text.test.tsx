import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { en } from '../locales/en.ts';
import { setLanguage } from './i18n.ts';
import { messagesOf, useMessageText, type Message } from './message.ts';

const message = messagesOf<'common', typeof en>('common');

function Shown({ text }: { text: Message | string }) {
  const say = useMessageText();
  return <p>{say(text)}</p>;
}

describe('useMessageText', () => {
  it('words a message in the active language and again after a switch', async () => {
    render(<Shown text={message('size.bytes', { count: 2048, bytes: 2048 })} />);
    expect(screen.getByText('2,048 bytes')).toBeInTheDocument();
    await act(() => setLanguage('zh-CN', { persist: false }));
    expect(screen.getByText('2,048 字节')).toBeInTheDocument();
  });

  it('shows text as it is', () => {
    render(<Shown text="socket hang up" />);
    expect(screen.getByText('socket hang up')).toBeInTheDocument();
  });
});
