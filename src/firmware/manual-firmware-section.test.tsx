import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Blob as NodeBlob } from 'node:buffer';
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Md5WorkerLike } from './hash-file-in-worker';
import { ManualFirmwareSection } from './manual-firmware-section';
import { renderWithManualFirmware } from './firmware-stores-test-kit';
import { createManualFirmwareStore, MANUAL_FIRMWARE_STORAGE_KEY, type ManualFirmwareStore } from './manual-firmware-store';
import { handleMd5Request, type Md5WorkerRequest } from './md5-worker-protocol';

function readBytes(file: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

/** Runs the real worker handler in-process, or holds requests when `hold` is set. */
class InProcessWorker implements Md5WorkerLike {
  onmessage: Md5WorkerLike['onmessage'] = null;
  onerror: Md5WorkerLike['onerror'] = null;
  terminated = false;
  constructor(private readonly hold = false) {}
  postMessage(message: Md5WorkerRequest) {
    if (this.hold) return;
    // jsdom's File cannot be read with arrayBuffer(); the browser's can. Hand the worker the same bytes in a Node Blob.
    void readBytes(message.file).then((bytes) =>
      handleMd5Request({ ...message, file: new NodeBlob([bytes]), chunkSize: 7 }, (reply) => {
        if (!this.terminated) this.onmessage?.(new MessageEvent('message', { data: reply }));
      }),
    );
  }
  terminate() {
    this.terminated = true;
  }
}

function renderSection(createWorker = () => new InProcessWorker()) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return renderWithManualFirmware(
    <QueryClientProvider client={client}>
      <ManualFirmwareSection createWorker={createWorker} />
    </QueryClientProvider>,
    manualFirmwareStore,
  );
}

const form = () => screen.getByRole('form', { name: 'Add firmware manually' });
const field = (name: string) => within(form()).getByLabelText(name);

async function fillValid(user: ReturnType<typeof userEvent.setup>) {
  await user.type(field('Version'), '10.01.1612');
  await user.selectOptions(field('Model'), '3-2-0');
  await user.type(field('File URL'), 'https://files.example.com/dock2.bin');
  await user.type(field('File name'), 'dock2.bin');
  await user.type(field('File size (bytes)'), '603696942');
  await user.type(field('MD5'), 'D1C9DACEC124ABD350379EB44B9143E5');
}

// The section's store keeps its entries in jsdom's localStorage, which the tests read back.
let manualFirmwareStore: ManualFirmwareStore;

beforeEach(() => {
  localStorage.clear();
  manualFirmwareStore = createManualFirmwareStore(localStorage);
});

describe('manual firmware form', () => {
  it('shows every problem on submit, marks the fields invalid and adds nothing', async () => {
    const user = userEvent.setup();
    renderSection();
    await user.click(screen.getByRole('button', { name: 'Add firmware' }));
    expect(field('Version')).toHaveAccessibleDescription('Version is empty');
    expect(field('File URL')).toHaveAttribute('aria-invalid', 'true');
    expect(field('File URL')).toHaveAccessibleDescription('URL is empty');
    expect(field('File size (bytes)')).toHaveAccessibleDescription('File size is empty');
    expect(field('MD5')).toHaveAccessibleDescription(/MD5 is empty/);
    expect(manualFirmwareStore.getState().entries).toEqual([]);
  });

  it('rejects a non-http URL, a short MD5 and a zero size, and clears a message once the field is fixed', async () => {
    const user = userEvent.setup();
    renderSection();
    await fillValid(user);
    await user.clear(field('File URL'));
    await user.type(field('File URL'), 'ftp://files.example.com/dock2.bin');
    await user.clear(field('MD5'));
    await user.type(field('MD5'), 'abc');
    await user.clear(field('File size (bytes)'));
    await user.type(field('File size (bytes)'), '0');
    await user.click(screen.getByRole('button', { name: 'Add firmware' }));
    expect(field('File URL')).toHaveAccessibleDescription('URL must use http or https, not ftp');
    expect(field('MD5')).toHaveAccessibleDescription(/MD5 must be 32 hexadecimal characters, got 3/);
    expect(field('File size (bytes)')).toHaveAccessibleDescription('File size must be greater than 0 bytes');
    expect(field('Version')).not.toHaveAttribute('aria-invalid');

    await user.clear(field('File size (bytes)'));
    await user.type(field('File size (bytes)'), '12');
    expect(field('File size (bytes)')).not.toHaveAttribute('aria-invalid');
    expect(manualFirmwareStore.getState().entries).toEqual([]);
  });

  it('adds a valid entry to the list marked manual, clears the form, saves it and removes it again', async () => {
    const user = userEvent.setup();
    renderSection();
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Add firmware' }));

    const card = within(screen.getByRole('list', { name: 'Manual firmware' })).getByRole('article', { name: 'DJI Dock 2 10.01.1612' });
    expect(within(card).getByText('manual')).toBeInTheDocument();
    expect(within(card).getByText('d1c9dacec124abd350379eb44b9143e5')).toBeInTheDocument();
    expect(within(card).getByText('575.7 MiB (603,696,942 bytes)')).toBeInTheDocument();
    expect(field('Version')).toHaveValue('');
    expect(JSON.parse(localStorage.getItem(MANUAL_FIRMWARE_STORAGE_KEY)!)).toEqual([
      expect.objectContaining({ fileName: 'dock2.bin', md5: 'd1c9dacec124abd350379eb44b9143e5' }),
    ]);

    await user.click(within(card).getByRole('button', { name: 'Remove dock2.bin' }));
    expect(screen.queryByRole('list', { name: 'Manual firmware' })).not.toBeInTheDocument();
    expect(JSON.parse(localStorage.getItem(MANUAL_FIRMWARE_STORAGE_KEY)!)).toEqual([]);
  });
});

describe('hash a local file', () => {
  it('fills file name, size and MD5 of the form from the hashed file', async () => {
    const user = userEvent.setup();
    renderSection();
    const bytes = new TextEncoder().encode('firmware bytes that span several 7-byte chunks');
    await user.upload(screen.getByLabelText('File to hash'), new File([bytes], 'dock_1.2.bin'));
    const md5 = createHash('md5').update(bytes).digest('hex');
    expect(await screen.findByText(md5)).toBeInTheDocument();
    expect(field('File name')).toHaveValue('dock_1.2.bin');
    expect(field('File size (bytes)')).toHaveValue(String(bytes.length));
    expect(field('MD5')).toHaveValue(md5);
  });

  it('shows a progress bar while hashing, and Cancel terminates the worker', async () => {
    const user = userEvent.setup();
    const worker = new InProcessWorker(true);
    const create = vi.fn(() => worker);
    renderSection(create);
    await user.upload(screen.getByLabelText('File to hash'), new File(['x'.repeat(100)], 'big.bin'));
    expect(screen.getByRole('progressbar', { name: 'Hashing big.bin' })).toHaveAttribute('aria-valuenow', '0');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(worker.terminated).toBe(true);
    expect(await screen.findByText('Hashing big.bin was canceled.')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(field('MD5')).toHaveValue('');
  });
});
