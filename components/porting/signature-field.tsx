'use client';
import { useEffect, useRef, useState } from 'react';

/**
 * The box to sign in. With JavaScript a signature is drawn with signature_pad and sent as a PNG data
 * URL; the typed full name below works either way (and is the only way without JavaScript).
 */
/** `onDrawn`: told once a stroke is drawn, with the hidden input now holding it (its form's messages can go). */
export function SignatureField({ typedNameDefault, errors, hint, onDrawn }: { typedNameDefault: string; errors: string[]; hint?: string; onDrawn?: (input: HTMLInputElement) => void }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const padRef = useRef<{ clear(): void; isEmpty(): boolean; toDataURL(type?: string): string } | null>(null);
  const padSectionRef = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState(false);
  const [canDraw, setCanDraw] = useState(false);
  const onDrawnRef = useRef(onDrawn);
  useEffect(() => {
    onDrawnRef.current = onDrawn;
  });

  useEffect(() => {
    let cancelled = false;
    import('signature_pad').then(({ default: SignaturePad }) => {
      const canvas = canvasRef.current;
      if (cancelled || !canvas || !padSectionRef.current) return;
      // Shown only once JavaScript runs (a pad without it is useless), and sized once visible.
      padSectionRef.current.hidden = false;
      setCanDraw(true);
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      canvas.width = canvas.offsetWidth * ratio;
      canvas.height = canvas.offsetHeight * ratio;
      canvas.getContext('2d')?.scale(ratio, ratio);
      const pad = new SignaturePad(canvas, { penColor: '#1e3a8a' });
      pad.addEventListener('endStroke', () => {
        if (inputRef.current) {
          inputRef.current.value = pad.toDataURL('image/png');
          onDrawnRef.current?.(inputRef.current);
        }
        setDrawn(true);
      });
      padRef.current = pad;
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const clear = () => {
    padRef.current?.clear();
    if (inputRef.current) inputRef.current.value = '';
    setDrawn(false);
  };

  return (
    <div className="space-y-4">
      <input ref={inputRef} type="hidden" name="signatureDataUrl" />
      {/* Tells the server the page has the drawing box, so its messages can mention it. */}
      {canDraw && <input type="hidden" name="canDraw" value="yes" />}
      <div ref={padSectionRef} hidden>
        <p className="text-sm font-medium">Draw your signature</p>
        <p id="signature-canvas-note" className="sr-only">
          The signature box takes a mouse, a pen or a finger, not the keyboard: to sign with the keyboard or a screen reader, type your full name in the field below instead.
        </p>
        <canvas
          ref={canvasRef}
          aria-label="Signature box: draw your signature here"
          aria-describedby="signature-canvas-note"
          data-testid="signature-canvas"
          className="mt-1 h-40 w-full touch-none rounded-md border-2 border-dashed border-slate-400 bg-white"
        />
        <div className="mt-1 flex items-center gap-3 text-sm">
          <button type="button" onClick={clear} className="underline">
            Clear
          </button>
          {drawn && <span className="text-green-700">Signature drawn.</span>}
        </div>
        <p className="mt-3 text-sm text-slate-600">Or sign by typing your full name instead:</p>
      </div>
      <div id="typedName">
        <label htmlFor="typedName-input" className="block text-sm font-medium">
          Type your full name to sign
        </label>
        {hint && (
          <p id="typedName-hint" className="mt-1 text-sm text-slate-600">
            {hint}
          </p>
        )}
        <input
          id="typedName-input"
          name="typedName"
          defaultValue={typedNameDefault}
          placeholder="Your full name"
          aria-describedby={hint ? 'typedName-hint' : undefined}
          autoComplete="name"
          maxLength={100}
          aria-invalid={errors.length > 0}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-signature text-2xl"
        />
        {errors.length > 0 && <p className="mt-1 text-sm text-red-700">{errors.join(' ')}</p>}
      </div>
    </div>
  );
}
