import { createHash } from 'node:crypto';

/**
 * Real MP3 bytes for the simulator's audio results: an ID3v2.3 tag whose title names the file
 * (so different tracks give different bytes), then a few silent MPEG-1 Layer III frames.
 * Such a file starts with "ID3", which is how players and MIME sniffers recognise audio/mpeg.
 */

/** MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, no padding, joint stereo: 417-byte frames. */
const FRAME_HEADER = Buffer.from([0xff, 0xfb, 0x90, 0x64]);
const FRAME_BYTES = Math.floor((144 * 128_000) / 44_100);

function syncsafe(size: number): Buffer {
	return Buffer.from([(size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f]);
}

function textFrame(id: string, text: string): Buffer {
	const content = Buffer.concat([Buffer.from([0x00]), Buffer.from(text, 'latin1')]);
	const header = Buffer.alloc(10);
	header.write(id, 0, 'ascii');
	header.writeUInt32BE(content.length, 4);
	return Buffer.concat([header, content]);
}

export function makeMp3(seed: string, frames = 4): Buffer {
	const digest = createHash('sha256').update(seed).digest('hex').slice(0, 16);
	const tagBody = Buffer.concat([
		textFrame('TIT2', seed),
		textFrame('TSSE', `kie-simulator ${digest}`),
	]);
	const tagHeader = Buffer.concat([
		Buffer.from('ID3', 'ascii'),
		Buffer.from([3, 0, 0]),
		syncsafe(tagBody.length),
	]);
	const frame = Buffer.alloc(FRAME_BYTES);
	FRAME_HEADER.copy(frame, 0);
	return Buffer.concat([tagHeader, tagBody, ...Array.from({ length: frames }, () => frame)]);
}

/** Real WAV bytes: a RIFF/WAVE header (PCM, 16-bit mono, 8 kHz) and a little silence named by the seed. */
export function makeWav(seed: string, samples = 800): Buffer {
	const tag = Buffer.from(createHash('sha256').update(seed).digest('hex').slice(0, 16), 'latin1');
	const data = Buffer.concat([Buffer.alloc(samples * 2), tag]);
	const header = Buffer.alloc(44);
	header.write('RIFF', 0, 'ascii');
	header.writeUInt32LE(36 + data.length, 4);
	header.write('WAVE', 8, 'ascii');
	header.write('fmt ', 12, 'ascii');
	header.writeUInt32LE(16, 16);
	header.writeUInt16LE(1, 20); // PCM
	header.writeUInt16LE(1, 22); // mono
	header.writeUInt32LE(8000, 24);
	header.writeUInt32LE(16000, 28);
	header.writeUInt16LE(2, 32);
	header.writeUInt16LE(16, 34);
	header.write('data', 36, 'ascii');
	header.writeUInt32LE(data.length, 40);
	return Buffer.concat([header, data]);
}
