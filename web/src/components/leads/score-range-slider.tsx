import { useState } from 'react';
import Slider, { type SliderProps } from '@mui/material/Slider';

/** A lead-score range, both ends from 0 to 1. */
export type ScoreRange = [min: number, max: number];

function rangeOf(value: number | number[]): ScoreRange {
  const [min = 0, max = 1] = value as number[];
  return [min, max];
}

/**
 * While the thumbs move, the slider shows its own range; `onCommit` runs once they are let go, so a
 * search or a query changes once per gesture rather than at every step. Spread the result on
 * `ScoreRangeSlider` and read the range on show from `value`.
 */
export function useScoreRange(committed: ScoreRange, onCommit: (range: ScoreRange) => void) {
  const [dragging, setDragging] = useState<ScoreRange | null>(null);
  return {
    value: dragging ?? committed,
    onDrag: setDragging,
    onCommit: (range: ScoreRange) => {
      setDragging(null);
      onCommit(range);
    },
  };
}

interface ScoreRangeSliderProps {
  value: ScoreRange;
  onDrag: (range: ScoreRange) => void;
  onCommit: (range: ScoreRange) => void;
  marks?: SliderProps['marks'];
}

export function ScoreRangeSlider({ value, onDrag, onCommit, marks }: ScoreRangeSliderProps) {
  return (
    <Slider
      size="small"
      value={value}
      min={0}
      max={1}
      step={0.05}
      disableSwap
      valueLabelDisplay="auto"
      marks={marks}
      getAriaLabel={(index) => (index === 0 ? 'Minimum score' : 'Maximum score')}
      getAriaValueText={(score) => score.toFixed(2)}
      onChange={(_event, next) => onDrag(rangeOf(next))}
      onChangeCommitted={(_event, next) => onCommit(rangeOf(next))}
    />
  );
}
