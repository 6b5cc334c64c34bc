import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import type { ReviewRule } from '@/api/types';

export function ruleConditions(rule: Pick<ReviewRule, 'min_score' | 'require_no_risk_flags' | 'require_validation_passed' | 'trusted_vendors_only'>): string[] {
  const conditions: string[] = [];
  if (rule.min_score !== null) conditions.push(`Score ≥ ${rule.min_score.toFixed(2)}`);
  if (rule.require_no_risk_flags) conditions.push('No risk flags');
  if (rule.require_validation_passed) conditions.push('Validation passed, no warnings');
  if (rule.trusted_vendors_only) conditions.push('Trusted vendors only');
  return conditions;
}

/** A rule's conditions as chips; a rule without any approves every pending lead, which is worth a warning. */
export function RuleConditions({ rule }: { rule: ReviewRule }) {
  const conditions = ruleConditions(rule);
  if (conditions.length === 0) {
    return <Chip size="small" color="warning" label="No conditions: approves every lead" />;
  }
  return (
    <Box sx={{ display: 'flex', gap: 0.75, flexWrap: 'wrap' }}>
      {conditions.map((condition) => (
        <Chip key={condition} size="small" variant="outlined" label={condition} />
      ))}
    </Box>
  );
}
