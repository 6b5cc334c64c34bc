import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { signedInAs } from '@/testing/fixtures';
import { json, mockApi } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';
import { makeUpload } from '@/features/vendor/testing/fixtures';

const completed = makeUpload({
  status: 'completed',
  rows_total: 803,
  rows_done: 803,
  accepted: 640,
  accepted_with_warnings: 120,
  rejected: 43,
  duplicates: 30,
  rejected_by_reason: { invalid_email: 12, duplicate_in_file: 30, brand_new_code: 1 },
  error_report_url: '/api/leads/uploads/9/errors.csv',
});

describe('Upload progress', () => {
  it('polls while processing, then shows the counts and rejection reasons with labels', async () => {
    let calls = 0;
    mockApi({
      'GET /api/leads/uploads/9': () => {
        calls += 1;
        return json(200, calls === 1 ? makeUpload({ status: 'processing', rows_total: 803, rows_done: 400 }) : completed);
      },
    });
    renderApp('/vendor/uploads/9', { preloadedState: signedInAs('vendor') });

    expect(await screen.findByText('400 of 803 rows')).toBeInTheDocument();
    expect(await screen.findByText('Why rows were rejected', {}, { timeout: 4000 })).toBeInTheDocument();

    expect(within(screen.getByRole('group', { name: 'Accepted' })).getByText('640')).toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: 'Accepted with warnings' })).getByText('120')).toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: 'Rejected' })).getByText('43')).toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: 'Duplicates' })).getByText('30')).toBeInTheDocument();

    const reasons = screen.getByRole('table', { name: 'Rejection reasons' });
    const rows = within(reasons).getAllByRole('row').slice(1).map((row) => row.textContent);
    // Most frequent first, human labels, unknown codes humanised.
    expect(rows).toEqual(['Duplicate within this file30', 'Invalid email address12', 'Brand new code1']);

    // Leads an auto-approval rule publishes are on sale at once: the summary must not say they all wait.
    expect(screen.getByText(/760 of 803 rows became leads/)).toHaveTextContent('by a reviewer or at once by an auto-approval rule');
    expect(screen.queryByText(/now waiting for review/)).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See these leads' })).toHaveAttribute('href', '/vendor/leads?upload_id=9');
    expect(screen.queryByRole('progressbar', { name: 'Processing progress' })).not.toBeInTheDocument();
  });

  it('downloads the error report with the access token', async () => {
    const mock = mockApi({
      'GET /api/leads/uploads/9': () => json(200, completed),
      'GET /api/leads/uploads/9/errors.csv': () =>
        new Response('row,reasons\n3,invalid_email\n', {
          status: 200,
          headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="upload-9-rejected-rows.csv"' },
        }),
    });
    const createObjectURL = vi.fn(() => 'blob:report');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const { user } = renderApp('/vendor/uploads/9', { preloadedState: signedInAs('vendor') });

    await user.click(await screen.findByRole('button', { name: 'Download error report' }));

    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]?.download).toBe('upload-9-rejected-rows.csv');
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    const request = mock.callsTo('GET', '/api/leads/uploads/9/errors.csv')[0];
    expect(request?.headers.get('Authorization')).toBe('Bearer access-token-1');
  });
});

describe('An upload that was never confirmed', () => {
  it('offers to continue the mapping instead of a progress bar', async () => {
    mockApi({ 'GET /api/leads/uploads/9': () => json(200, makeUpload({ status: 'uploaded' })) });
    renderApp('/vendor/uploads/9', { preloadedState: signedInAs('vendor') });

    expect(await screen.findByRole('link', { name: 'Continue mapping' })).toHaveAttribute(
      'href',
      '/vendor/uploads/9/continue',
    );
    expect(screen.getByText(/nothing was imported yet/)).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('can be discarded, after a confirmation, and then the uploads list opens', async () => {
    const mock = mockApi({
      'GET /api/leads/uploads/9': () => json(200, makeUpload({ status: 'uploaded' })),
      'DELETE /api/leads/uploads/9': () => json(204, null),
      'GET /api/leads/uploads': () => json(200, { data: [], next_cursor: null, has_more: false }),
    });
    const { user, router } = renderApp('/vendor/uploads/9', { preloadedState: signedInAs('vendor') });

    await user.click(await screen.findByRole('button', { name: 'Discard' }));
    const dialog = await screen.findByRole('dialog', { name: 'Discard this upload?' });
    expect(dialog).toHaveTextContent('crm-export.csv');
    expect(mock.callsTo('DELETE', '/api/leads/uploads/9')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Discard' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/vendor/uploads'));
    expect(mock.callsTo('DELETE', '/api/leads/uploads/9')).toHaveLength(1);
    expect(await screen.findByText('No uploads yet')).toBeInTheDocument();
  });
});
