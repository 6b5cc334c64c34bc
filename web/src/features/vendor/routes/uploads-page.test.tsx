import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Upload } from '@/api/types';
import { signedInAs } from '@/testing/fixtures';
import { json, mockApi, problem } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';
import { makeUpload } from '@/features/vendor/testing/fixtures';

const unconfirmed = makeUpload({ id: 9, filename: 'crm-export.csv', status: 'uploaded' });
const completed = makeUpload({
  id: 8,
  filename: 'older.csv',
  status: 'completed',
  rows_total: 10,
  rows_done: 10,
  accepted: 10,
});

function page(data: Upload[]) {
  return json(200, { data, next_cursor: null, has_more: false });
}

function rowOf(filename: string) {
  const row = screen.getAllByRole('row').find((candidate) => within(candidate).queryByRole('link', { name: filename }));
  if (!row) throw new Error(`No row for ${filename}`);
  return row;
}

describe('Uploads list', () => {
  it('offers Continue and Discard for an upload that was never confirmed, and only for it', async () => {
    mockApi({ 'GET /api/leads/uploads': () => page([unconfirmed, completed]) });
    renderApp('/vendor/uploads', { preloadedState: signedInAs('vendor') });

    await screen.findByRole('link', { name: 'crm-export.csv' });
    const row = rowOf('crm-export.csv');
    expect(within(row).getByRole('link', { name: 'Continue' })).toHaveAttribute('href', '/vendor/uploads/9/continue');
    expect(within(row).getByRole('button', { name: 'Discard' })).toBeInTheDocument();
    const done = rowOf('older.csv');
    expect(within(done).queryByRole('link', { name: 'Continue' })).not.toBeInTheDocument();
    expect(within(done).queryByRole('button', { name: 'Discard' })).not.toBeInTheDocument();
    expect(within(done).getByRole('link', { name: 'See leads' })).toBeInTheDocument();
  });

  it('discards after a confirmation and refreshes the list', async () => {
    let discarded = false;
    const mock = mockApi({
      'GET /api/leads/uploads': () => page(discarded ? [completed] : [unconfirmed, completed]),
      'DELETE /api/leads/uploads/9': () => {
        discarded = true;
        return json(204, null);
      },
    });
    const { user } = renderApp('/vendor/uploads', { preloadedState: signedInAs('vendor') });

    await screen.findByRole('link', { name: 'crm-export.csv' });
    await user.click(within(rowOf('crm-export.csv')).getByRole('button', { name: 'Discard' }));
    const dialog = await screen.findByRole('dialog', { name: 'Discard this upload?' });
    expect(dialog).toHaveTextContent('crm-export.csv');

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(mock.callsTo('DELETE', '/api/leads/uploads/9')).toHaveLength(0);

    await user.click(within(rowOf('crm-export.csv')).getByRole('button', { name: 'Discard' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Discard' }));

    expect(await screen.findByText('Discarded “crm-export.csv”.')).toBeInTheDocument();
    // An open (or closing) dialog hides the page from queries by role: wait until it is gone.
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(screen.queryByText('crm-export.csv')).not.toBeInTheDocument());
    expect(screen.getByRole('link', { name: 'older.csv' })).toBeInTheDocument();
    expect(mock.callsTo('DELETE', '/api/leads/uploads/9')).toHaveLength(1);
  });

  it("shows the server's reason when the upload was confirmed meanwhile, and the fresh status", async () => {
    let confirmed = false;
    mockApi({
      'GET /api/leads/uploads': () =>
        page([confirmed ? { ...unconfirmed, status: 'completed', rows_total: 3, rows_done: 3 } : unconfirmed]),
      'DELETE /api/leads/uploads/9': () => {
        confirmed = true;
        return problem(409, { code: 'upload_already_confirmed', detail: 'This upload was already confirmed.' });
      },
    });
    const { user } = renderApp('/vendor/uploads', { preloadedState: signedInAs('vendor') });

    await screen.findByRole('link', { name: 'crm-export.csv' });
    await user.click(within(rowOf('crm-export.csv')).getByRole('button', { name: 'Discard' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Discard' }));

    expect(await screen.findByText('This upload was already confirmed.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await screen.findByText('Completed')).toBeInTheDocument();
    await waitFor(() =>
      expect(within(rowOf('crm-export.csv')).queryByRole('button', { name: 'Discard' })).not.toBeInTheDocument(),
    );
    expect(screen.getByRole('link', { name: 'crm-export.csv' })).toBeInTheDocument();
  });
});
