/**
 * The Kie simulator: a real HTTP server on 127.0.0.1 that behaves like Kie.ai as documented.
 *
 * Usage in a test:
 *
 *   const sim = await startSimulator({ generationMs: 200, createLimit: { max: 5, windowMs: 500 } });
 *   // sim.baseUrl → credential baseUrl (jobs, credits, download-url, result files)
 *   // sim.uploadBaseUrl → credential uploadBaseUrl; API key 'sim-key' unless apiKeys is given
 *   afterEach(() => sim.reset()); // back to the start options, empty record
 *   afterAll(() => sim.stop());
 *
 *   sim.configure({ generationMs: 50, webhookHmacKey: 'secret' }); // live changes
 *   sim.injectFault({ endpoint: 'createTask', kind: 'createdThen500', times: 1 });
 *   sim.injectFault({ endpoint: 'recordInfo', kind: 'http503', probability: 0.2 }); // seeded RNG
 *   // a prompt containing "[fail]" makes the task end in state "fail" (failCode "500")
 *
 *   sim.record.count('createTask');        // requests seen per endpoint
 *   sim.record.createdTaskCount();         // tasks actually created (billed)
 *   sim.record.rateLimitedCount();         // creates answered 429
 *   sim.record.maxCreatesInAnyWindow();    // accepted creates in the busiest window, per key
 *   sim.record.tasks.get(taskId)?.polls;   // recordInfo requests for a task
 *   sim.record.requests / sim.record.callbacks; // everything, with headers, bodies, statuses, faults
 *
 * From a shell: `npm run simulator -- --generation-ms 3000` prints the URLs and the key.
 */

export * from './types';
export { KieSimulator, startSimulator, type ListenOptions } from './simulator';
export { makePng, TINY_JPEG } from './images';
