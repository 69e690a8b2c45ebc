import { makePng, TINY_JPEG } from './images';
import { boundaryOf, parseMultipart } from './multipart';
import { maxInAnyWindow } from './record';
import { decodeJpegFrame, decodePng } from './test-helpers';

describe('maxInAnyWindow', () => {
	it('counts arrivals inside any half-open window', () => {
		expect(maxInAnyWindow([], 1000)).toBe(0);
		expect(maxInAnyWindow([0, 999], 1000)).toBe(2);
		expect(maxInAnyWindow([0, 1000], 1000)).toBe(1);
		expect(maxInAnyWindow([0, 10, 20, 500, 1005, 1010], 1000)).toBe(4);
	});
});

describe('images', () => {
	it('makes a valid, deterministic PNG whose colours depend on the seed', () => {
		const a = makePng('task-a_0');
		expect(makePng('task-a_0').equals(a)).toBe(true);
		expect(makePng('task-b_0').equals(a)).toBe(false);
		expect(decodePng(a)).toMatchObject({ width: 32, height: 32 });
		expect(decodePng(makePng('x', 7))).toMatchObject({ width: 7, height: 7 });
	});

	it('embeds a complete baseline JPEG', () => {
		expect(decodeJpegFrame(TINY_JPEG)).toEqual({ width: 16, height: 16, components: 3 });
	});
});

describe('multipart parser', () => {
	it('reads fields and files, keeping CRLF and boundary-like bytes inside the data', () => {
		const boundary = '----sim123';
		const data = Buffer.from('line1\r\n--not-the-boundary\r\nline3');
		const body = Buffer.concat([
			Buffer.from(
				`preamble\r\n--${boundary}\r\nContent-Disposition: form-data; name="uploadPath"\r\n\r\nimages/a\r\n` +
					`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="we \\"ird\\".txt"\r\n` +
					'Content-Type: text/plain\r\n\r\n',
			),
			data,
			Buffer.from(`\r\n--${boundary}--\r\n`),
		]);
		expect(boundaryOf(`multipart/form-data; boundary="${boundary}"`)).toBe(boundary);
		const parts = parseMultipart(body, boundary);
		expect(parts).toHaveLength(2);
		expect(parts[0]).toMatchObject({ name: 'uploadPath', fileName: undefined });
		expect(parts[0].data.toString()).toBe('images/a');
		expect(parts[1]).toMatchObject({
			name: 'file',
			fileName: 'we "ird".txt',
			contentType: 'text/plain',
		});
		expect(parts[1].data.equals(data)).toBe(true);
	});
});
