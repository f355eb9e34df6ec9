/**
 * The lab's own event loop, after CPython asyncio (base_events, selector_events, futures, tasks) with Netty's split
 * between the loop proper ({@link concurrencylab.eventloop.EventLoop}: ready deque, timer heap, one pass at a time)
 * and the multiplexer it drives (a {@link java.nio.channels.Selector}). No Spring inside.
 *
 * <p><b>Why coroutines are continuations.</b> A coroutine here must read as sequential steps
 * ({@code socket.sendAll(request); socket.recvExactly(answer);}) and must run on the loop's one thread, so that
 * "one thread serves a thousand sockets" is literally true. Java 25 offers three candidates. Callbacks or
 * CompletableFuture chains run on the loop thread but turn every await into a nested lambda. Virtual threads read
 * sequentially, but they are coroutines scheduled by the JDK's ForkJoinPool on its carrier threads, not by our
 * loop, so a thousand clients would run on several threads and the loop would be a bystander. The third is the
 * mechanism virtual threads are built on, {@code jdk.internal.vm.Continuation}: a one-shot delimited continuation
 * that any thread can run until it yields. {@link concurrencylab.eventloop.Task} runs each coroutine's body in one,
 * on the loop thread; {@link concurrencylab.eventloop.Async#await} yields it until a future completes. It is an
 * internal API, so the build exports it to the lab ({@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED}:
 * the compiler, the tests, {@code spring-boot:run}, and the jar's manifest all say so); the callback-style
 * {@link concurrencylab.eventloop.EchoServer} needs none of it and runs with a plain {@code java -cp}.
 */
package concurrencylab.eventloop;
