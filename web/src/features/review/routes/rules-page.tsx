import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import LinearProgress from '@mui/material/LinearProgress';
import Skeleton from '@mui/material/Skeleton';
import AddRounded from '@mui/icons-material/AddRounded';
import AutoModeOutlined from '@mui/icons-material/AutoModeOutlined';
import BoltOutlined from '@mui/icons-material/BoltOutlined';
import type { ReviewRule } from '@/api/types';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState } from '@/components/ui/empty-state';
import { LoadErrorAlert } from '@/components/ui/load-error-alert';
import { type Notice, NoticeSnackbar } from '@/components/ui/notice-snackbar';
import { PageHeader } from '@/components/ui/page-header';
import { describeError } from '@/lib/problem';
import { useDocumentTitle } from '@/lib/use-document-title';
import {
  useApplyRulesMutation,
  useDeleteRuleMutation,
  useListRulesQuery,
  useUpdateRuleMutation,
} from '@/features/review/api/review-api';
import { ReviewTabs } from '@/features/review/components/review-tabs';
import { RuleDialog } from '@/features/review/components/rule-dialog';
import { RulesTable } from '@/features/review/components/rules-table';

/** The dialog: closed, creating (null) or editing a rule. */
type Editing = { rule: ReviewRule | null; key: number } | null;

export function RulesPage() {
  useDocumentTitle('Auto-approval rules');
  const { data, error, isLoading, isFetching, refetch } = useListRulesQuery();
  const [updateRule] = useUpdateRuleMutation();
  const [deleteRule, { isLoading: deleting }] = useDeleteRuleMutation();
  const [applyRules, { isLoading: applying }] = useApplyRulesMutation();
  const [editing, setEditing] = useState<Editing>(null);
  const [pendingDelete, setPendingDelete] = useState<ReviewRule | null>(null);
  const [busyRuleId, setBusyRuleId] = useState<number | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [applied, setApplied] = useState<number | null>(null);

  const rules = data?.data ?? [];
  const activeCount = rules.filter((rule) => rule.is_active).length;
  const loadError = error ? describeError(error).message : null;

  function edit(rule: ReviewRule | null) {
    setEditing((current) => ({ rule, key: (current?.key ?? 0) + 1 }));
  }

  async function toggleActive(rule: ReviewRule, active: boolean) {
    setBusyRuleId(rule.id);
    try {
      await updateRule({ id: rule.id, changes: { is_active: active } }).unwrap();
      setNotice({ severity: 'success', message: active ? `“${rule.name}” is active again.` : `“${rule.name}” is paused.` });
    } catch (err) {
      setNotice({ severity: 'error', message: describeError(err).message ?? 'Could not change the rule.' });
    } finally {
      setBusyRuleId(null);
    }
  }

  async function confirmDelete() {
    if (!pendingDelete) return;
    const rule = pendingDelete;
    try {
      await deleteRule(rule.id).unwrap();
      setNotice({ severity: 'success', message: `“${rule.name}” was deleted.` });
    } catch (err) {
      setNotice({ severity: 'error', message: describeError(err).message ?? 'Could not delete the rule.' });
    } finally {
      setPendingDelete(null);
    }
  }

  async function apply() {
    setApplied(null);
    try {
      const result = await applyRules().unwrap();
      setApplied(result.approved);
    } catch (err) {
      setNotice({ severity: 'error', message: describeError(err).message ?? 'Could not apply the rules.' });
    }
  }

  return (
    <Box>
      <PageHeader
        title="Auto-approval rules"
        subtitle="A pending lead that meets every condition of an active rule is published without a reviewer."
        actions={
          <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap' }}>
            <Button
              variant="outlined"
              startIcon={<BoltOutlined />}
              onClick={() => void apply()}
              disabled={applying || activeCount === 0}
            >
              {applying ? 'Applying…' : 'Apply rules to the queue now'}
            </Button>
            <Button variant="contained" startIcon={<AddRounded />} onClick={() => edit(null)}>
              New rule
            </Button>
          </Box>
        }
      />
      <ReviewTabs value="rules" />
      {applied !== null ? (
        <Alert severity={applied > 0 ? 'success' : 'info'} role="status" sx={{ mb: 2.5 }} onClose={() => setApplied(null)}>
          {applied > 0
            ? `The active rules approved ${applied} lead${applied === 1 ? '' : 's'} from the queue.`
            : 'No lead in the queue meets an active rule: nothing was approved.'}
        </Alert>
      ) : null}
      <Card>
        <Box sx={{ height: 4 }}>{isFetching && !isLoading ? <LinearProgress /> : null}</Box>
        {loadError ? <LoadErrorAlert message={loadError} onRetry={refetch} sx={{ m: 2.5 }} /> : null}
        {isLoading ? (
          <Box sx={{ p: 2.5 }} aria-busy="true" aria-label="Loading rules">
            {[0, 1, 2].map((key) => (
              <Skeleton key={key} variant="rounded" height={52} sx={{ mb: 1.25 }} />
            ))}
          </Box>
        ) : null}
        {!isLoading && !loadError && rules.length === 0 ? (
          <Box sx={{ p: 2.5 }}>
            <EmptyState
              icon={<AutoModeOutlined />}
              title="No auto-approval rules"
              description="Every lead waits for a reviewer. Add a rule to publish leads that clearly pass, e.g. a score of 0.80 or more with no risk flag."
              action={
                <Button variant="contained" startIcon={<AddRounded />} onClick={() => edit(null)}>
                  New rule
                </Button>
              }
            />
          </Box>
        ) : null}
        {rules.length > 0 ? (
          <RulesTable
            rules={rules}
            busyRuleId={busyRuleId}
            onToggleActive={(rule, active) => void toggleActive(rule, active)}
            onEdit={edit}
            onDelete={setPendingDelete}
          />
        ) : null}
      </Card>

      {editing ? (
        <RuleDialog
          key={editing.key}
          open
          rule={editing.rule}
          onClose={() => setEditing(null)}
          onSaved={(rule, created) => {
            setEditing(null);
            setNotice({ severity: 'success', message: created ? `“${rule.name}” was created.` : `“${rule.name}” was saved.` });
          }}
        />
      ) : null}
      <ConfirmDialog
        id="delete-rule"
        open={pendingDelete !== null}
        title="Delete this rule?"
        confirmLabel="Delete"
        pendingLabel="Deleting…"
        destructive
        pending={deleting}
        onCancel={() => setPendingDelete(null)}
        onConfirm={() => void confirmDelete()}
      >
        {pendingDelete ? (
          <>
            <strong>{pendingDelete.name}</strong> will no longer approve leads. Leads it approved stay approved. To stop
            it for a while only, pause it instead.
          </>
        ) : null}
      </ConfirmDialog>
      <NoticeSnackbar notice={notice} onClose={() => setNotice(null)} />
    </Box>
  );
}
