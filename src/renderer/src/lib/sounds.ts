/**
 * Short tones for the counter, made with Web Audio so no sound files are needed: a high
 * beep for a good scan or payment, a low double buzz for a refused one.
 */
let context: AudioContext | null = null

function tone(frequency: number, startAt: number, duration: number, type: OscillatorType): void {
  context ??= new AudioContext()
  const oscillator = context.createOscillator()
  const gain = context.createGain()
  oscillator.type = type
  oscillator.frequency.value = frequency
  gain.gain.value = 0.08
  oscillator.connect(gain).connect(context.destination)
  const start = context.currentTime + startAt
  oscillator.start(start)
  oscillator.stop(start + duration)
}

export type SoundCue = 'scan' | 'error' | 'paid'

export function play(cue: SoundCue): void {
  try {
    if (cue === 'scan') tone(1400, 0, 0.08, 'square')
    if (cue === 'error') {
      tone(220, 0, 0.15, 'sawtooth')
      tone(180, 0.2, 0.2, 'sawtooth')
    }
    if (cue === 'paid') {
      tone(880, 0, 0.1, 'sine')
      tone(1320, 0.12, 0.18, 'sine')
    }
  } catch {
    // No audio device: the on-screen message still says it.
  }
  document.dispatchEvent(new CustomEvent('kassa:sound', { detail: cue }))
}
