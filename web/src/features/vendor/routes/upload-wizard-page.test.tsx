import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { UploadCreated } from '@/api/types';
import { signedInAs } from '@/testing/fixtures';
import { json, mockApi, problem } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';
import { PHONE_WIDTH, setViewportWidth } from '@/testing/viewport';
import { makeUpload, makeUploadCreated } from '@/features/vendor/testing/fixtures';

type UploadAnswer = UploadCreated | (() => Response);

/**
 * The shared fetch mock parses every body as JSON; the multipart upload is answered here
 * before it reaches it. Returns the upload requests so a test can look at their headers.
 */
function mockUploadEndpoint(mock: ReturnType<typeof mockApi>, answer: UploadAnswer) {
  const uploads: Request[] = [];
  const inner = mock.fetchMock;
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    if (request.method === 'POST' && new URL(request.url).pathname === '/api/leads/upload') {
      uploads.push(request);
      return typeof answer === 'function' ? answer() : json(201, answer);
    }
    return inner(request);
  });
  return uploads;
}

function csvFile(name = 'crm-export.csv') {
  return new File(['Name,Work Email,Mobile,Col5\nJane Doe,jane@acme.com,+1 415 555 0100,CEO\n'], name, { type: 'text/csv' });
}

function fieldSelect(column: string) {
  return screen.getByRole('combobox', { name: `Lead field for column ${column}` });
}

function columnRow(column: string) {
  const table = screen.getByRole('table', { name: 'Column mapping' });
  const row = within(table)
    .getAllByRole('row')
    .find((candidate) => within(candidate).queryByText(column, { selector: 'p' }) !== null);
  if (!row) throw new Error(`No mapping row for ${column}`);
  return row;
}

async function startWizard(answer: UploadAnswer, routes: Parameters<typeof mockApi>[0] = {}) {
  const mock = mockApi(routes);
  const uploads = mockUploadEndpoint(mock, answer);
  const view = renderApp('/vendor/uploads/new', { preloadedState: signedInAs('vendor') });
  await view.user.upload(await screen.findByLabelText('Lead file'), csvFile());
  return { ...view, mock, uploads };
}

describe('Upload wizard', () => {
  it('on a phone, puts the match under the field selector instead of in a third, squeezed column', async () => {
    setViewportWidth(PHONE_WIDTH);
    const { user } = await startWizard(makeUploadCreated());

    const table = await screen.findByRole('table', { name: 'Column mapping' });
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Column in your file',
      'Lead field',
    ]);
    expect(within(columnRow('Work Email')).getByText('High confidence')).toBeInTheDocument();

    // The next step's labels are short enough not to be cut off at this width.
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByLabelText('Default phone country (optional)')).toBeInTheDocument();
  });

  it('pre-selects the suggested fields and sends the file as multipart, not JSON', async () => {
    const { uploads } = await startWizard(makeUploadCreated());

    await screen.findByRole('table', { name: 'Column mapping' });
    expect(fieldSelect('Name')).toHaveTextContent('Full name (split into first/last)');
    expect(fieldSelect('Work Email')).toHaveTextContent('Email');
    expect(fieldSelect('Mobile')).toHaveTextContent('Phone');
    expect(fieldSelect('Col5')).toHaveTextContent('— ignore —');
    expect(within(columnRow('Work Email')).getByText('High confidence')).toBeInTheDocument();
    expect(within(columnRow('Mobile')).getByText('Medium confidence')).toBeInTheDocument();
    expect(screen.queryByText(/mapping you confirmed last time/)).not.toBeInTheDocument();

    expect(uploads).toHaveLength(1);
    expect(uploads[0]?.headers.get('Content-Type') ?? '').not.toContain('application/json');
    expect(uploads[0]?.headers.get('Authorization')).toBe('Bearer access-token-1');
  });

  it('applies the remembered mapping over the suggestions and says so', async () => {
    const { user } = await startWizard(
      makeUploadCreated({ remembered_mapping: { Name: 'full_name', 'Work Email': 'email', Col5: 'job_title' } }),
    );

    expect(await screen.findByText(/We applied the mapping you confirmed last time/)).toBeInTheDocument();
    // Col5 had no suggestion and Mobile was suggested as phone: the remembered choice wins for both.
    expect(fieldSelect('Col5')).toHaveTextContent('Job title');
    expect(fieldSelect('Mobile')).toHaveTextContent('— ignore —');
    expect(within(columnRow('Col5')).getByText('Used last time')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Use suggestions instead' }));
    expect(fieldSelect('Col5')).toHaveTextContent('— ignore —');
    expect(fieldSelect('Mobile')).toHaveTextContent('Phone');
  });

  it('does not let a field be chosen for two columns', async () => {
    const { user } = await startWizard(makeUploadCreated());
    await screen.findByRole('table', { name: 'Column mapping' });

    await user.click(fieldSelect('Col5'));
    const listbox = await screen.findByRole('listbox');
    const email = within(listbox).getByRole('option', { name: /^Email/ });
    expect(email).toHaveAttribute('aria-disabled', 'true');
    expect(within(email).getByText('Already used by “Work Email”')).toBeInTheDocument();

    await user.click(within(listbox).getByRole('option', { name: 'Job title' }));
    expect(fieldSelect('Col5')).toHaveTextContent('Job title');
    expect(fieldSelect('Work Email')).toHaveTextContent('Email');
  });

  it('shows a server field error next to its column and sends the chosen mapping and defaults', async () => {
    const confirmPath = '/api/leads/uploads/9/confirm';
    const { user, mock } = await startWizard(makeUploadCreated(), {
      [`POST ${confirmPath}`]: () =>
        problem(422, {
          code: 'validation_failed',
          detail: "'phone' is already mapped to another column.",
          errors: [{ field: 'mapping.Mobile', code: 'field_mapped_twice', message: "'phone' is already mapped to another column." }],
        }),
    });
    await screen.findByRole('table', { name: 'Column mapping' });

    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByLabelText('Semi-exclusive: up to 2 buyers'));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    // The price reads as everywhere else in the app ("$25.00"), not "USD 25.00".
    expect(screen.getByText(/^\$\d+\.\d{2} per lead$/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start import' }));

    // Back on the mapping step, with the message under the Mobile column only.
    expect(await within(await screen.findByRole('table', { name: 'Column mapping' })).findByText(
      "'phone' is already mapped to another column.",
    )).toBeInTheDocument();
    expect(within(columnRow('Mobile')).getByText("'phone' is already mapped to another column.")).toBeInTheDocument();
    expect(within(columnRow('Work Email')).queryByText(/already mapped/)).not.toBeInTheDocument();

    expect(mock.callsTo('POST', confirmPath)[0]?.body).toEqual({
      mapping: { Name: 'full_name', 'Work Email': 'email', Mobile: 'phone', Col5: null },
      defaults: {
        industry: null,
        price: { mode: 'fixed', amount: '25.00' },
        currency: 'USD',
        max_sales: 2,
        default_country: null,
        consent_source: null,
        check_mx: false,
      },
    });

    // Changing the column clears its error.
    await user.click(fieldSelect('Mobile'));
    await user.click(await screen.findByRole('option', { name: /ignore/ }));
    await waitFor(() => expect(screen.queryByText("'phone' is already mapped to another column.")).not.toBeInTheDocument());
  });

  it('needs an email or phone column before it moves on', async () => {
    const { user } = await startWizard(
      makeUploadCreated({ remembered_mapping: { Name: 'full_name' } }),
    );
    await screen.findByRole('table', { name: 'Column mapping' });

    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Map at least an email or a phone column.');
    expect(screen.getByRole('table', { name: 'Column mapping' })).toBeInTheDocument();
  });

  it("shows the server's reason when it rejects the file", async () => {
    await startWizard(() =>
      problem(422, { code: 'header_only', title: 'Unreadable file', detail: 'The file has column names but no rows.' }),
    );

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Unreadable file');
    expect(alert).toHaveTextContent('The file has column names but no rows.');
    expect(screen.queryByRole('table', { name: 'Column mapping' })).not.toBeInTheDocument();
  });

  it('follows the import once confirmed', async () => {
    let polls = 0;
    await startWizard(makeUploadCreated(), {
      'POST /api/leads/uploads/9/confirm': () => json(202, makeUpload({ status: 'queued' })),
      'GET /api/leads/uploads/9': () => {
        polls += 1;
        return json(200, makeUpload({ status: 'processing', rows_total: 200, rows_done: 50 }));
      },
    }).then(async ({ user }) => {
      await screen.findByRole('table', { name: 'Column mapping' });
      await user.click(screen.getByRole('button', { name: 'Next' }));
      await user.click(screen.getByRole('button', { name: 'Next' }));
      await user.click(screen.getByRole('button', { name: 'Start import' }));
    });

    expect(await screen.findByText('50 of 200 rows')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Processing progress' })).toHaveAttribute('aria-valuenow', '25');
    expect(polls).toBeGreaterThan(0);
  });
});

describe('Continuing an upload that was never confirmed', () => {
  const reopened = makeUploadCreated({
    remembered_mapping: { Name: 'full_name', 'Work Email': 'email', Col5: 'job_title' },
    remembered_defaults: { price: { mode: 'fixed', amount: '40.00' }, currency: 'EUR', max_sales: 1 },
  });

  it('opens the wizard at the mapping step with the reopened upload, and confirms that upload', async () => {
    const mock = mockApi({
      'GET /api/leads/uploads/9/mapping': () => json(200, reopened),
      'POST /api/leads/uploads/9/confirm': () => json(202, makeUpload({ status: 'queued' })),
      'GET /api/leads/uploads/9': () => json(200, makeUpload({ status: 'processing', rows_total: 200, rows_done: 50 })),
    });
    const { user } = renderApp('/vendor/uploads/9/continue', { preloadedState: signedInAs('vendor') });

    await screen.findByRole('table', { name: 'Column mapping' });
    expect(screen.queryByLabelText('Lead file')).not.toBeInTheDocument();
    expect(screen.getByText(/We applied the mapping you confirmed last time/)).toBeInTheDocument();
    expect(fieldSelect('Col5')).toHaveTextContent('Job title');
    expect(fieldSelect('Mobile')).toHaveTextContent('— ignore —');

    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByLabelText('Price per lead')).toHaveValue('40.00');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Start import' }));

    expect(await screen.findByText('50 of 200 rows')).toBeInTheDocument();
    expect(mock.callsTo('POST', '/api/leads/uploads/9/confirm')[0]?.body).toMatchObject({
      mapping: { Name: 'full_name', 'Work Email': 'email', Mobile: null, Col5: 'job_title' },
      defaults: { price: { mode: 'fixed', amount: '40.00' }, currency: 'EUR', max_sales: 1 },
    });
    expect(mock.callsTo('POST', '/api/leads/upload')).toHaveLength(0);
  });

  it('shows the progress instead when the upload was confirmed meanwhile', async () => {
    mockApi({
      'GET /api/leads/uploads/9/mapping': () =>
        problem(409, { code: 'upload_already_confirmed', detail: 'This upload was already confirmed.' }),
      'GET /api/leads/uploads/9': () => json(200, makeUpload({ status: 'processing', rows_total: 200, rows_done: 50 })),
    });
    const { router } = renderApp('/vendor/uploads/9/continue', { preloadedState: signedInAs('vendor') });

    expect(await screen.findByText('50 of 200 rows')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/vendor/uploads/9');
    expect(screen.queryByRole('table', { name: 'Column mapping' })).not.toBeInTheDocument();
  });

  it("says why when the upload's file is gone", async () => {
    mockApi({
      'GET /api/leads/uploads/9/mapping': () =>
        problem(410, {
          code: 'upload_file_missing',
          detail: 'The stored file of this upload is gone; discard it and upload the file again.',
        }),
    });
    renderApp('/vendor/uploads/9/continue', { preloadedState: signedInAs('vendor') });

    expect(await screen.findByText(/The stored file of this upload is gone/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Upload a file' })).toHaveAttribute('href', '/vendor/uploads/new');
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Column mapping' })).not.toBeInTheDocument();
  });
});
