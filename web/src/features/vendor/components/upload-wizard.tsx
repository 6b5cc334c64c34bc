import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import Divider from '@mui/material/Divider';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import type { UploadCreated } from '@/api/types';
import { describeError, problemOf } from '@/lib/problem';
import { useConfirmUploadMutation, useCreateUploadMutation } from '@/features/vendor/api/vendor-api';
import { DefaultsStep } from '@/features/vendor/components/defaults-step';
import { FileDropStep } from '@/features/vendor/components/file-drop-step';
import { MappingStep } from '@/features/vendor/components/mapping-step';
import { ReviewStep } from '@/features/vendor/components/review-step';
import { UploadProgress } from '@/features/vendor/components/upload-progress';
import {
  defaultsFromRemembered,
  defaultsPayload,
  hasContactColumn,
  initialMapping,
  initialSource,
  MAX_UPLOAD_BYTES,
  MAX_UPLOAD_MB,
  splitConfirmErrors,
  validateDefaults,
  type DefaultsField,
  type DefaultsForm,
  type Mapping,
  type MappingSource,
} from '@/features/vendor/utils/upload-form';

export const WIZARD_STEPS = ['Choose a file', 'Map columns', 'Set defaults', 'Review', 'Import'] as const;
const [FILE, MAPPING, DEFAULTS, REVIEW, IMPORT] = [0, 1, 2, 3, 4] as const;

const NO_CONTACT = 'Map at least an email or a phone column.';

interface UploadWizardProps {
  onStartOver?: () => void;
  /** An upload whose mapping was never confirmed (GET …/mapping): the wizard starts at its mapping step. */
  resume?: UploadCreated;
}

export function UploadWizard({ onStartOver, resume }: UploadWizardProps) {
  const [step, setStep] = useState<number>(resume ? MAPPING : FILE);
  const [fileName, setFileName] = useState<string | null>(null);
  const [fileError, setFileError] = useState<{ title: string; detail: string } | null>(null);
  const [created, setCreated] = useState<UploadCreated | null>(resume ?? null);
  const [source, setSource] = useState<MappingSource>(() => (resume ? initialSource(resume) : 'suggested'));
  const [mapping, setMapping] = useState<Mapping>(() => (resume ? initialMapping(resume, initialSource(resume)) : {}));
  const [columnErrors, setColumnErrors] = useState<Record<string, string>>({});
  const [mappingError, setMappingError] = useState<string | null>(null);
  const [defaults, setDefaults] = useState<DefaultsForm>(() => defaultsFromRemembered(resume?.remembered_defaults));
  const [defaultsErrors, setDefaultsErrors] = useState<Partial<Record<DefaultsField, string>>>({});
  const [reviewError, setReviewError] = useState<string | null>(null);
  const [uploadId, setUploadId] = useState<number | null>(null);

  const [createUpload, { isLoading: uploading }] = useCreateUploadMutation();
  const [confirmUpload, { isLoading: confirming }] = useConfirmUploadMutation();

  async function handleFile(file: File) {
    setFileName(file.name);
    setFileError(null);
    if (file.size > MAX_UPLOAD_BYTES) {
      setFileError({ title: 'This file is too large', detail: `Files can be up to ${MAX_UPLOAD_MB} MB. Split it into smaller files.` });
      return;
    }
    try {
      const result = await createUpload(file).unwrap();
      const firstSource = initialSource(result);
      setCreated(result);
      setSource(firstSource);
      setMapping(initialMapping(result, firstSource));
      setDefaults(defaultsFromRemembered(result.remembered_defaults));
      setColumnErrors({});
      setMappingError(null);
      setDefaultsErrors({});
      setReviewError(null);
      setStep(MAPPING);
    } catch (err) {
      const problem = problemOf(err);
      setFileError({
        title: problem?.title && problem.title !== 'Error' ? problem.title : "We couldn't read this file",
        detail: describeError(err).message ?? 'The upload failed. Please try again.',
      });
    }
  }

  function handleMappingChange(column: string, field: string | null) {
    setMapping((current) => ({ ...current, [column]: field }));
    setColumnErrors((current) => {
      if (!(column in current)) return current;
      const next = { ...current };
      delete next[column];
      return next;
    });
    setMappingError(null);
  }

  function handleSourceChange(next: MappingSource) {
    if (!created) return;
    setSource(next);
    setMapping(initialMapping(created, next));
    setColumnErrors({});
    setMappingError(null);
  }

  function handleDefaultsChange(changes: Partial<DefaultsForm>) {
    setDefaults((current) => ({ ...current, ...changes }));
    setDefaultsErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(changes) as DefaultsField[]) delete next[key];
      if ('amount' in changes || 'min' in changes || 'max' in changes || 'priceMode' in changes) delete next.price;
      return next;
    });
  }

  function next() {
    if (step === MAPPING) {
      if (!hasContactColumn(mapping)) {
        setMappingError(NO_CONTACT);
        return;
      }
      if (Object.keys(columnErrors).length > 0) {
        setMappingError('Fix the highlighted columns first.');
        return;
      }
    }
    if (step === DEFAULTS) {
      const errors = validateDefaults(defaults);
      setDefaultsErrors(errors);
      if (Object.keys(errors).length > 0) return;
    }
    setStep((current) => current + 1);
  }

  async function confirm() {
    if (!created) return;
    setReviewError(null);
    try {
      const upload = await confirmUpload({ id: created.upload.id, mapping, defaults: defaultsPayload(defaults) }).unwrap();
      setUploadId(upload.id);
      setStep(IMPORT);
    } catch (err) {
      const described = describeError(err);
      if (described.code === 'upload_already_confirmed') {
        setUploadId(created.upload.id);
        setStep(IMPORT);
        return;
      }
      const split = splitConfirmErrors(problemOf(err)?.errors);
      if (Object.keys(split.columns).length > 0 || split.mapping) {
        setColumnErrors(split.columns);
        setMappingError(split.mapping);
        setStep(MAPPING);
      } else if (Object.keys(split.defaults).length > 0) {
        setDefaultsErrors(split.defaults);
        setStep(DEFAULTS);
      } else {
        setReviewError(split.general ?? described.message);
      }
    }
  }

  return (
    <Card>
      <Box sx={{ px: { xs: 2, sm: 3 }, pt: 3, pb: 2, overflowX: 'auto' }}>
        <Stepper activeStep={step} alternativeLabel>
          {WIZARD_STEPS.map((label, index) => (
            <Step key={label} completed={index < step}>
              <StepLabel>{label}</StepLabel>
            </Step>
          ))}
        </Stepper>
      </Box>
      <Divider />
      <Box sx={{ p: { xs: 2, sm: 3 } }}>
        {step === FILE ? (
          <FileDropStep onFile={(file) => void handleFile(file)} uploading={uploading} fileName={fileName} error={fileError} />
        ) : null}
        {step === MAPPING && created ? (
          <MappingStep
            created={created}
            mapping={mapping}
            source={source}
            onChange={handleMappingChange}
            onSourceChange={handleSourceChange}
            columnErrors={columnErrors}
            mappingError={mappingError}
          />
        ) : null}
        {step === DEFAULTS ? (
          <DefaultsStep
            form={defaults}
            onChange={handleDefaultsChange}
            errors={defaultsErrors}
            remembered={Boolean(created?.remembered_defaults)}
          />
        ) : null}
        {step === REVIEW && created ? (
          <ReviewStep created={created} mapping={mapping} defaults={defaults} error={reviewError} />
        ) : null}
        {step === IMPORT && uploadId !== null ? (
          <UploadProgress
            uploadId={uploadId}
            actions={
              onStartOver ? (
                <Button variant="text" onClick={onStartOver}>
                  Upload another file
                </Button>
              ) : null
            }
          />
        ) : null}
      </Box>
      {step > FILE && step < IMPORT ? (
        <>
          <Divider />
          <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 2, p: { xs: 2, sm: 3 } }}>
            <Button
              onClick={() => setStep((current) => current - 1)}
              disabled={confirming}
            >
              {step === MAPPING ? 'Choose another file' : 'Back'}
            </Button>
            {step === REVIEW ? (
              <Button variant="contained" size="large" onClick={() => void confirm()} disabled={confirming}>
                {confirming ? 'Starting…' : 'Start import'}
              </Button>
            ) : (
              <Button variant="contained" size="large" onClick={next}>
                Next
              </Button>
            )}
          </Box>
        </>
      ) : null}
    </Card>
  );
}
