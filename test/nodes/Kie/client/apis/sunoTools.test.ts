/**
 * The readers of Suno's tools, Runway Aleph and the immediate answers, on the examples of Kie's
 * own pages (../shared/kie-docs/suno-api/, runway-api/, common-api/): each status and callback
 * body → the one task shape (state, resultUrls, stems with roles, lyrics and words as text and arrays).
 */
import {
	apiFamily,
	parseBoostStyle,
	parseCallbackBody,
	parseDownloadUrl,
	parsePersona,
	parseTimestampedLyrics,
} from '../../../../../nodes/Kie/client';
import { ENDPOINTS } from '../../../../../nodes/Kie/client/endpoints';

describe('endpoint table', () => {
	it('has each tool’s page path, creates as creates and status pages as reads', () => {
		const rows = {
			'suno-lyrics.generate': ['POST', '/api/v1/lyrics', 'create'],
			'suno-lyrics.status': ['GET', '/api/v1/lyrics/record-info', 'read'],
			'suno.timestampedLyrics': ['POST', '/api/v1/generate/get-timestamped-lyrics', 'read'],
			'suno.uploadCover': ['POST', '/api/v1/generate/upload-cover', 'create'],
			'suno.uploadExtend': ['POST', '/api/v1/generate/upload-extend', 'create'],
			'suno.addVocals': ['POST', '/api/v1/generate/add-vocals', 'create'],
			'suno.addInstrumental': ['POST', '/api/v1/generate/add-instrumental', 'create'],
			'suno.replaceSection': ['POST', '/api/v1/generate/replace-section', 'create'],
			'suno.mashup': ['POST', '/api/v1/generate/mashup', 'create'],
			'suno.sounds': ['POST', '/api/v1/generate/sounds', 'create'],
			'suno.persona': ['POST', '/api/v1/generate/generate-persona', 'create'],
			'suno.boostStyle': ['POST', '/api/v1/style/generate', 'create'],
			'suno-wav.generate': ['POST', '/api/v1/wav/generate', 'create'],
			'suno-wav.status': ['GET', '/api/v1/wav/record-info', 'read'],
			'suno-music-video.generate': ['POST', '/api/v1/mp4/generate', 'create'],
			'suno-music-video.status': ['GET', '/api/v1/mp4/record-info', 'read'],
			'suno-vocal-separation.generate': ['POST', '/api/v1/vocal-removal/generate', 'create'],
			'suno-vocal-separation.status': ['GET', '/api/v1/vocal-removal/record-info', 'read'],
			'suno-midi.generate': ['POST', '/api/v1/midi/generate', 'create'],
			'suno-midi.status': ['GET', '/api/v1/midi/record-info', 'read'],
			'suno-cover.generate': ['POST', '/api/v1/suno/cover/generate', 'create'],
			'suno-cover.status': ['GET', '/api/v1/suno/cover/record-info', 'read'],
			'aleph.generate': ['POST', '/api/v1/aleph/generate', 'create'],
			'aleph.status': ['GET', '/api/v1/aleph/record-info', 'read'],
			'common.downloadUrl': ['POST', '/api/v1/common/download-url', 'read'],
		} as const;
		for (const [name, [method, path, retry]] of Object.entries(rows)) {
			expect({ name, ...ENDPOINTS[name as keyof typeof ENDPOINTS] }).toMatchObject({
				name,
				host: 'api',
				method,
				path,
				retry,
			});
		}
	});

	it('reads each new API’s tasks from its own status row', () => {
		for (const api of [
			'suno-lyrics',
			'suno-wav',
			'suno-music-video',
			'suno-vocal-separation',
			'suno-midi',
			'suno-cover',
			'aleph',
		] as const) {
			expect(apiFamily(api).statusEndpoint).toBe(`${api}.status`);
		}
	});
});

describe('Suno: lyrics', () => {
	// get-lyrics-details.md
	const record = {
		taskId: '11dc****8b0f',
		param: '{"prompt":"A song about peaceful night in the city"}',
		response: {
			taskId: '11dc****8b0f',
			data: [
				{
					text: '[Verse]\n我穿越城市黑暗夜\n心中燃烧梦想的烈火',
					title: '钢铁侠',
					status: 'complete',
					errorMessage: '',
				},
			],
		},
		status: 'SUCCESS',
		type: 'LYRICS',
		errorCode: null,
		errorMessage: null,
	};

	it('gives the lyrics as text and every variant as an array', () => {
		const task = apiFamily('suno-lyrics').parseStatus(record, 'x');
		expect(task).toMatchObject({
			taskId: '11dc****8b0f',
			api: 'suno-lyrics',
			state: 'success',
			resultUrls: [],
			param: { prompt: 'A song about peaceful night in the city' },
		});
		expect(task.extra).toEqual({
			text: '[Verse]\n我穿越城市黑暗夜\n心中燃烧梦想的烈火',
			lyrics: [
				{
					title: '钢铁侠',
					text: '[Verse]\n我穿越城市黑暗夜\n心中燃烧梦想的烈火',
					status: 'complete',
					errorMessage: null,
				},
			],
		});
	});

	it('maps PENDING and the failure statuses', () => {
		const at = (status: string) =>
			apiFamily('suno-lyrics').parseStatus(
				{ ...record, status, response: null, errorCode: 400, errorMessage: 'flagged' },
				'x',
			);
		expect(at('PENDING').state).toBe('waiting');
		expect(at('GENERATE_LYRICS_FAILED')).toMatchObject({
			state: 'fail',
			failCode: '400',
			failMsg: 'flagged',
		});
		expect(at('SENSITIVE_WORD_ERROR').state).toBe('fail');
	});

	it('reads the callback (generate-lyrics-callbacks.md), success and moderation failure', () => {
		const done = parseCallbackBody(
			{
				code: 200,
				msg: 'All generated successfully.',
				data: {
					callbackType: 'complete',
					task_id: '3b66882fde0a5d398bd269cab6d9542b',
					data: [
						{
							error_message: '',
							status: 'complete',
							text: '[Verse]\nMoonlight spreads across the windowsill',
							title: 'Starry Night Dreams',
						},
					],
				},
			},
			'x',
		);
		expect(done.task).toMatchObject({
			api: 'suno-lyrics',
			taskId: '3b66882fde0a5d398bd269cab6d9542b',
			state: 'success',
		});
		expect(done.task.extra?.text).toBe('[Verse]\nMoonlight spreads across the windowsill');
		expect(done.complete).toBe(true);
	});
});

describe('Suno: timestamped lyrics', () => {
	it('gives the aligned words as an array and their text (get-timestamped-lyrics.md)', () => {
		const result = parseTimestampedLyrics({
			alignedWords: [
				{ word: "[Verse]\nWaggin'", success: true, startS: 1.36, endS: 1.79, palign: 0 },
				{ word: 'tail', success: true, startS: 1.8, endS: 2.1, palign: 0 },
			],
			waveformData: [0, 1, 0.5, 0.75],
			hootCer: 0.3803191489361702,
			isStreamed: false,
		});
		expect(result).toEqual({
			text: "[Verse]\nWaggin' tail",
			alignedWords: [
				{ word: "[Verse]\nWaggin'", success: true, startS: 1.36, endS: 1.79, palign: 0 },
				{ word: 'tail', success: true, startS: 1.8, endS: 2.1, palign: 0 },
			],
			waveformData: [0, 1, 0.5, 0.75],
			hootCer: 0.3803191489361702,
			isStreamed: false,
		});
		expect(() => parseTimestampedLyrics({})).toThrow(/alignedWords/);
	});
});

describe('Suno: WAV and music video', () => {
	const wav = {
		taskId: '988e****c8d3',
		musicId: 'e231****-****-****-****-****8cadc7dc',
		callbackUrl: 'https://api.example.com/callback',
		musicIndex: 0,
		completeTime: '2025-01-01 00:10:00',
		response: { audioWavUrl: 'https://example.com/s/04e6****e727.wav' },
		successFlag: 'SUCCESS',
		createTime: '2025-01-01 00:00:00',
		errorCode: null,
		errorMessage: null,
	};

	it('reads the WAV record (get-wav-details.md)', () => {
		expect(apiFamily('suno-wav').parseStatus(wav, 'x')).toMatchObject({
			taskId: '988e****c8d3',
			api: 'suno-wav',
			state: 'success',
			resultUrls: ['https://example.com/s/04e6****e727.wav'],
			createTime: Date.UTC(2025, 0, 1, 0, 0, 0),
			completeTime: Date.UTC(2025, 0, 1, 0, 10, 0),
			extra: { musicId: 'e231****-****-****-****-****8cadc7dc' },
		});
		const pending = apiFamily('suno-wav').parseStatus(
			{ ...wav, successFlag: 'PENDING', response: null },
			'x',
		);
		expect(pending).toMatchObject({ state: 'waiting', resultUrls: [], completeTime: null });
		expect(
			apiFamily('suno-wav').parseStatus(
				{
					...wav,
					successFlag: 'GENERATE_WAV_FAILED',
					errorCode: 500,
					errorMessage: 'Internal Error',
				},
				'x',
			),
		).toMatchObject({ state: 'fail', failCode: '500', failMsg: 'Internal Error', resultUrls: [] });
	});

	it('reads the music video record (get-music-video-details.md)', () => {
		const record = { ...wav, response: { videoUrl: 'https://example.com/s/04e6****e727.mp4' } };
		expect(apiFamily('suno-music-video').parseStatus(record, 'x')).toMatchObject({
			api: 'suno-music-video',
			state: 'success',
			resultUrls: ['https://example.com/s/04e6****e727.mp4'],
		});
	});

	it('tells the WAV, music video and Runway callbacks apart', () => {
		const wavDone = parseCallbackBody(
			{
				code: 200,
				msg: 'success',
				data: { audioWavUrl: 'https://example.com/s/04e6****e727.wav', task_id: '988e****c8d3' },
			},
			'x',
		);
		expect(wavDone.task).toMatchObject({
			api: 'suno-wav',
			taskId: '988e****c8d3',
			state: 'success',
			resultUrls: ['https://example.com/s/04e6****e727.wav'],
		});
		const wavFailed = parseCallbackBody(
			{
				code: 500,
				msg: 'Internal Error - Please try again later',
				data: { audioWavUrl: null, task_id: '988e****c8d3' },
			},
			'x',
		);
		expect(wavFailed.task).toMatchObject({
			api: 'suno-wav',
			state: 'fail',
			failCode: '500',
			failMsg: 'Internal Error - Please try again later',
		});
		const video = parseCallbackBody(
			{
				code: 200,
				msg: 'success',
				data: { task_id: 'task_id_5bbe7721119d', video_url: 'https://cdn.example/v.mp4' },
			},
			'x',
		);
		expect(video.task).toMatchObject({
			api: 'suno-music-video',
			resultUrls: ['https://cdn.example/v.mp4'],
		});
		const runway = parseCallbackBody(
			{
				code: 200,
				msg: 'success',
				data: {
					task_id: 'r1',
					video_id: 'v1',
					video_url: 'https://cdn.example/r.mp4',
					image_url: 'https://cdn.example/r.jpg',
				},
			},
			'x',
		);
		expect(runway.task.api).toBe('runway');
	});
});

describe('Suno: vocal separation', () => {
	// get-vocal-separation-details.md, the split_stem example (shortened)
	const splitStem = {
		taskId: 'e649edb7abfd759285bd41a47a634b10',
		musicId: '376c687e-d439-42c1-b1e4-bcb43b095ec2',
		callbackUrl: 'https://57312fc2e366.ngrok-free.app/api/v1/vocal-removal/test',
		musicIndex: 0,
		completeTime: 1753782459000,
		response: {
			id: null,
			originUrl: null,
			originData: [
				{
					duration: 312.4,
					audio_url: 'https://example001.mp3',
					stem_type_group_name: 'Keyboard',
					id: 'adc934e0-fa7d-45da-da20-1dba160d74e0',
				},
				{
					duration: 312.4,
					audio_url: 'https://example004.mp3',
					stem_type_group_name: 'Backing Vocals',
					id: '56b2d94a',
				},
			],
			instrumentalUrl: null,
			vocalUrl: 'https://file.aiquickdraw.com/s/07420749_Vocals.mp3',
			backingVocalsUrl: 'https://file.aiquickdraw.com/s/aadc51a3_Backing_Vocals.mp3',
			drumsUrl: 'https://file.aiquickdraw.com/s/ac75c5ea_Drums.mp3',
			bassUrl: 'https://file.aiquickdraw.com/s/a3c2da5a_Bass.mp3',
			guitarUrl: null,
			pianoUrl: null,
			keyboardUrl: 'https://file.aiquickdraw.com/s/adc934e0_Keyboard.mp3',
			percussionUrl: null,
			stringsUrl: null,
			synthUrl: null,
			fxUrl: 'https://file.aiquickdraw.com/s/a8822c73_FX.mp3',
			brassUrl: null,
			woodwindsUrl: null,
		},
		successFlag: 'SUCCESS',
		createTime: 1753782327000,
		errorCode: null,
		errorMessage: null,
	};

	it('gives each stem under its role, every stem file in resultUrls, and the stems’ ids', () => {
		const task = apiFamily('suno-vocal-separation').parseStatus(splitStem, 'x');
		expect(task).toMatchObject({
			api: 'suno-vocal-separation',
			state: 'success',
			createTime: 1753782327000,
			completeTime: 1753782459000,
		});
		expect(task.extra?.stems).toEqual({
			vocals: 'https://file.aiquickdraw.com/s/07420749_Vocals.mp3',
			backingVocals: 'https://file.aiquickdraw.com/s/aadc51a3_Backing_Vocals.mp3',
			drums: 'https://file.aiquickdraw.com/s/ac75c5ea_Drums.mp3',
			bass: 'https://file.aiquickdraw.com/s/a3c2da5a_Bass.mp3',
			keyboard: 'https://file.aiquickdraw.com/s/adc934e0_Keyboard.mp3',
			fx: 'https://file.aiquickdraw.com/s/a8822c73_FX.mp3',
		});
		expect(task.resultUrls).toEqual(Object.values(task.extra!.stems as object));
		expect(task.extra?.stemTracks).toEqual([
			{
				id: 'adc934e0-fa7d-45da-da20-1dba160d74e0',
				role: 'keyboard',
				audioUrl: 'https://example001.mp3',
				duration: 312.4,
			},
			{
				id: '56b2d94a',
				role: 'backingVocals',
				audioUrl: 'https://example004.mp3',
				duration: 312.4,
			},
		]);
	});

	it('reads the separate_vocal callback (separate-vocals-callbacks.md) with its two roles', () => {
		const done = parseCallbackBody(
			{
				code: 200,
				msg: 'vocal separation generated successfully.',
				data: {
					task_id: '3e63b4cc88d52611159371f6af5571e7',
					vocal_separation_info: {
						instrumental_url: 'https://file.aiquickdraw.com/s/d92a13bf_Instrumental.mp3',
						origin_url: '',
						vocal_url: 'https://file.aiquickdraw.com/s/3d7021c9_Vocals.mp3',
					},
				},
			},
			'x',
		);
		expect(done.task).toMatchObject({
			api: 'suno-vocal-separation',
			taskId: '3e63b4cc88d52611159371f6af5571e7',
			state: 'success',
			extra: {
				stems: {
					vocals: 'https://file.aiquickdraw.com/s/3d7021c9_Vocals.mp3',
					instrumental: 'https://file.aiquickdraw.com/s/d92a13bf_Instrumental.mp3',
				},
			},
		});
		const failed = parseCallbackBody(
			{
				code: 500,
				msg: 'Vocal separation failed',
				data: { task_id: '3e63', vocal_separation_info: null },
			},
			'x',
		);
		expect(failed.task).toMatchObject({
			state: 'fail',
			failCode: '500',
			failMsg: 'Vocal separation failed',
		});
	});
});

describe('Suno: MIDI and cover images', () => {
	it('gives the MIDI notes as numbers in resultObject (get-midi-details.md, callback with text times)', () => {
		const record = {
			taskId: '5c79****be8e',
			recordTaskId: -1,
			audioId: 'e231****-****-****-****-****8cadc7dc',
			callbackUrl: 'https://example.callback',
			completeTime: 1760335255000,
			midiData: {
				state: 'complete',
				instruments: [
					{
						name: 'Drums',
						notes: [
							{ pitch: 73, start: 0.036458333333333336, end: 0.18229166666666666, velocity: 1 },
						],
					},
				],
			},
			successFlag: 1,
			createTime: 1760335251000,
			errorCode: null,
			errorMessage: null,
		};
		const task = apiFamily('suno-midi').parseStatus(record, 'x');
		expect(task).toMatchObject({
			api: 'suno-midi',
			state: 'success',
			resultUrls: [],
			resultObject: {
				instruments: [
					{
						name: 'Drums',
						notes: [
							{ pitch: 73, start: 0.036458333333333336, end: 0.18229166666666666, velocity: 1 },
						],
					},
				],
			},
			extra: { audioId: 'e231****-****-****-****-****8cadc7dc' },
		});
		expect(
			apiFamily('suno-midi').parseStatus({ ...record, successFlag: 0, midiData: null }, 'x').state,
		).toBe('waiting');
		expect(apiFamily('suno-midi').parseStatus({ ...record, successFlag: 3 }, 'x').state).toBe(
			'fail',
		);
		const callback = parseCallbackBody(
			{
				code: 200,
				msg: 'success',
				data: {
					taskId: '5c79****be8e',
					state: 'complete',
					instruments: [
						{ name: 'Drums', notes: [{ pitch: 73, start: '0.0364', end: '0.18', velocity: 1 }] },
					],
				},
			},
			'x',
		);
		expect(callback.task.resultObject).toEqual({
			instruments: [
				{ name: 'Drums', notes: [{ pitch: 73, start: 0.0364, end: 0.18, velocity: 1 }] },
			],
		});
	});

	it('reads the cover images (get-cover-suno-details.md: 0 pending, 1 done, 2 generating, 3 failed)', () => {
		const record = {
			taskId: '21aee3c3c2a01fa5e030b3799fa4dd56',
			parentTaskId: '73d6128b3523a0079df10da9471017c8',
			callbackUrl: 'https://api.example.com/callback',
			completeTime: '2025-01-15T10:35:27.000Z',
			response: {
				images: [
					'https://tempfile.aiquickdraw.com/s/1753958521_6c1b.png',
					'https://tempfile.aiquickdraw.com/s/1753958524_c153.png',
				],
			},
			successFlag: 1,
			createTime: '2025-01-15T10:33:01.000Z',
			errorCode: 200,
			errorMessage: '',
		};
		const cover = apiFamily('suno-cover');
		expect(cover.parseStatus(record, 'x')).toMatchObject({
			api: 'suno-cover',
			state: 'success',
			resultUrls: record.response.images,
			completeTime: Date.UTC(2025, 0, 15, 10, 35, 27),
			extra: { parentTaskId: '73d6128b3523a0079df10da9471017c8' },
		});
		expect(cover.parseStatus({ ...record, successFlag: 2 }, 'x')).toMatchObject({
			state: 'generating',
			resultUrls: [],
		});
		expect(
			cover.parseStatus({ ...record, successFlag: 3, errorMessage: 'nope' }, 'x'),
		).toMatchObject({
			state: 'fail',
			failCode: '3',
			failMsg: 'nope',
		});
		const failed = parseCallbackBody(
			{
				code: 501,
				msg: 'Cover generation failed',
				data: { taskId: '21aee3c3c2a01fa5e030b3799fa4dd56', images: null },
			},
			'x',
		);
		expect(failed.task).toMatchObject({ api: 'suno-cover', state: 'fail', failCode: '501' });
	});
});

describe('Runway Aleph', () => {
	const record = {
		taskId: 'ee603959-debb-48d1-98c4-a6d1c717eba6',
		paramJson:
			'{"prompt":"A majestic eagle soaring through mountain clouds at sunset","videoUrl":"https://example.com/input-video.mp4"}',
		response: {
			taskId: 'ee603959-debb-48d1-98c4-a6d1c717eba6',
			resultVideoUrl: 'https://file.com/k/xxxxxxx.mp4',
			resultImageUrl: 'https://file.com/m/xxxxxxxx.png',
		},
		completeTime: '2023-08-15T14:30:45Z',
		createTime: '2023-08-15T14:25:00Z',
		successFlag: 1,
		errorCode: 0,
		errorMessage: '',
	};

	it('reads the record (get-aleph-video-details.md): 1 done, 0 in progress, 0 with an error failed', () => {
		const aleph = apiFamily('aleph');
		expect(aleph.parseStatus(record, 'x')).toMatchObject({
			api: 'aleph',
			state: 'success',
			resultUrls: ['https://file.com/k/xxxxxxx.mp4'],
			extra: { imageUrl: 'https://file.com/m/xxxxxxxx.png' },
			param: { videoUrl: 'https://example.com/input-video.mp4' },
			createTime: Date.UTC(2023, 7, 15, 14, 25, 0),
		});
		expect(aleph.parseStatus({ ...record, successFlag: 0, response: null }, 'x')).toMatchObject({
			state: 'generating',
			resultUrls: [],
			completeTime: null,
		});
		expect(
			aleph.parseStatus(
				{ ...record, successFlag: 0, response: null, errorCode: 400, errorMessage: 'moderated' },
				'x',
			),
		).toMatchObject({ state: 'fail', failCode: '400', failMsg: 'moderated' });
	});

	it('reads both callbacks (generate-aleph-video-callbacks.md)', () => {
		const done = parseCallbackBody(
			{
				code: 200,
				msg: 'success',
				data: {
					result_video_url: 'https://file.com/k/xxxxxxx.mp4',
					result_image_url: 'https://file.com/m/xxxxxxxx.png',
				},
				taskId: 'ee603959-debb-48d1-98c4-a6d1c717eba6',
			},
			'x',
		);
		expect(done.task).toMatchObject({
			api: 'aleph',
			taskId: 'ee603959-debb-48d1-98c4-a6d1c717eba6',
			state: 'success',
			resultUrls: ['https://file.com/k/xxxxxxx.mp4'],
		});
		const failed = parseCallbackBody(
			{
				code: 400,
				msg: 'Your prompt was caught by our AI moderator. Please adjust it and try again!',
				data: null,
				taskId: 'ee603959-debb-48d1-98c4-a6d1c717eba6',
			},
			'x',
		);
		expect(failed.task).toMatchObject({ api: 'aleph', state: 'fail', failCode: '400' });
	});
});

describe('immediate answers', () => {
	it('persona (generate-persona.md), boost style (boost-music-style.md), download-url (download-url.md)', () => {
		expect(
			parsePersona({
				personaId: 'a1b2****c3d4',
				name: 'Electronic Pop Singer',
				description: 'A modern electronic music style pop singer',
			}),
		).toEqual({
			personaId: 'a1b2****c3d4',
			name: 'Electronic Pop Singer',
			description: 'A modern electronic music style pop singer',
		});
		expect(() => parsePersona({ name: 'x' })).toThrow(/personaId/);
		expect(
			parseBoostStyle({
				taskId: 't1',
				param: '{"content":"Pop, Mysterious"}',
				result: 'Dreamy synth-pop with mysterious minor-key hooks',
				creditsConsumed: 0.4,
				creditsRemaining: 99.6,
				successFlag: '1',
				errorCode: null,
				errorMessage: '',
				createTime: '2025-01-01 00:00:00',
			}),
		).toEqual({
			taskId: 't1',
			state: 'success',
			text: 'Dreamy synth-pop with mysterious minor-key hooks',
			creditsConsumed: 0.4,
			creditsRemaining: 99.6,
			failCode: null,
			failMsg: null,
			param: { content: 'Pop, Mysterious' },
		});
		expect(
			parseBoostStyle({ successFlag: '2', errorCode: 400, errorMessage: 'bad' }),
		).toMatchObject({
			state: 'fail',
			failCode: '400',
			failMsg: 'bad',
		});
		expect(parseDownloadUrl('https://tempfile.1f6cxxxxbd98')).toBe('https://tempfile.1f6cxxxxbd98');
		expect(() => parseDownloadUrl(null)).toThrow(/download URL/);
	});
});
