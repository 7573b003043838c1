package dev.cordon.ethereum.ingest;

import dev.cordon.core.account.EthereumSink;
import dev.cordon.core.BlockHash;
import dev.cordon.core.Clock;
import dev.cordon.core.CordonException;
import dev.cordon.core.DecodeException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.account.BlockRef;
import dev.cordon.core.account.EthBlockFlows;
import dev.cordon.ethereum.rpc.JsonRpcException;
import dev.cordon.ethereum.rpc.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests a range of Ethereum blocks, or follows the tip, into an {@link EthereumSink}.
 *
 * <h2>Design notes</h2>
 * The sink's checkpoint is the only state: ingest resumes after it, and applies exactly one
 * block per {@link EthereumSink#applyBlock} call, so a crash loses at most the block in flight.
 * Blocks are fetched in batches ({@link IngestOptions#batchSize()}). Before a block is applied
 * its parent hash is compared with the checkpoint's hash; a mismatch means the chain
 * reorganised: the sink's recent blocks are compared with the node's canonical hashes, newest
 * first, the sink is rolled back to the newest block they share, and ingest goes on from there.
 * A reorganisation deeper than {@link IngestOptions#maxReorgDepth()} is an error, never papered
 * over. With {@code follow}, ingest stays {@link IngestOptions#confirmations()} blocks behind
 * the tip and polls every {@link IngestOptions#pollInterval()}.
 *
 * <p>A failing node, a block it does not serve (a gap in the middle of a range) or an
 * inconsistent response (receipts of another block) is retried
 * {@link IngestOptions#attempts()} times with doubling waits, then fails with a message naming
 * the blocks: a block is never skipped. Time comes from the injected {@link Clock} and waits go
 * through the injected {@link Sleeper}, so tests neither sleep nor race.
 *
 * <p>While one batch is applied, the next one (when it is already known to be due) is fetched
 * and decoded on a helper thread, so that a sink that writes to disk and a source that parses
 * JSON use two cores instead of taking turns. A prefetched batch is only a head start: its
 * blocks pass the same parent check when they are applied, and it is dropped when a
 * reorganisation moved ingest elsewhere.
 */
public final class EthereumIngest {
    private static final Logger log = LoggerFactory.getLogger(EthereumIngest.class);
    private static final long PROGRESS_EVERY_MS = 10_000;

    /** What a run did. */
    public record Result(long blocksApplied, long transfers, int reorgs, long lastHeight, Duration elapsed) {
    }

    private final BlockSource source;
    private final EthereumSink sink;
    private final IngestOptions opts;
    private final Clock clock;
    private final Sleeper sleeper;
    private long applied;
    private long transfers;
    private int reorgs;
    private int reorgsWithoutProgress;
    private long lastProgress;

    public EthereumIngest(BlockSource source, EthereumSink sink, IngestOptions opts, Clock clock, Sleeper sleeper) {
        this.source = Objects.requireNonNull(source, "source");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.opts = Objects.requireNonNull(opts, "opts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** Runs until the range is ingested ({@code --to}) or forever ({@code --follow}). */
    public Result run() {
        return run(() -> true);
    }

    /**
     * Runs until done or until {@code keepGoing} answers false (checked between batches and polls).
     *
     * @throws CordonException naming the blocks when the node keeps failing, a block stays
     *                         missing, or a reorganisation is deeper than allowed
     */
    public Result run(BooleanSupplier keepGoing) {
        long t0 = clock.millis();
        lastProgress = t0;
        long next = startHeight();
        long target = -1;
        ExecutorService helper = Executors.newSingleThreadExecutor(EthereumIngest::prefetchThread);
        Prefetch ahead = null;
        try {
            while (keepGoing.getAsBoolean() && !pastEnd(next)) {
                if (next > target) {
                    target = target();
                    if (next > target) {
                        if (!opts.follow() || !pause(opts.pollInterval())) {
                            break;
                        }
                        continue;
                    }
                }
                long to = Math.min(next + opts.batchSize() - 1, target);
                List<EthBlockFlows> blocks = ahead != null && ahead.from == next && ahead.to == to ? ahead.await()
                        : fetch(next, to);
                ahead = null;
                if (to < target && keepGoing.getAsBoolean()) {
                    ahead = new Prefetch(helper, to + 1, Math.min(to + opts.batchSize(), target));
                }
                next = applyRange(next, to, blocks);
                progress(next - 1);
            }
        } finally {
            helper.shutdownNow();
        }
        long last = sink.checkpoint().map(BlockRef::height).orElse(-1L);
        return new Result(applied, transfers, reorgs, last, Duration.ofMillis(clock.millis() - t0));
    }

    private long startHeight() {
        Optional<BlockRef> cp = sink.checkpoint();
        long from = opts.from().orElse(0);
        if (cp.isEmpty()) {
            return from;
        }
        long resume = cp.get().height() + 1;
        if (opts.from().isPresent() && from > resume) {
            throw new CordonException(ErrorCode.USAGE, "the store ends at block " + cp.get().height()
                    + "; starting at --from " + from + " would leave a gap");
        }
        log.info("resuming after checkpoint {}", cp.get());
        return resume;
    }

    private boolean pastEnd(long next) {
        return opts.to().isPresent() && next > opts.to().getAsLong();
    }

    /** The highest block to ingest now. */
    private long target() {
        long tip = retrying("the tip (eth_blockNumber)", source::tipHeight);
        if (!opts.follow()) {
            long to = opts.to().getAsLong();
            if (to > tip) {
                throw new CordonException(ErrorCode.USAGE, "--to " + to + " is beyond the node's tip " + tip
                        + " (use --follow to wait for it)");
            }
            return to;
        }
        long t = tip - opts.confirmations();
        return opts.to().isPresent() ? Math.min(t, opts.to().getAsLong()) : t;
    }

    private static Thread prefetchThread(Runnable r) {
        Thread t = new Thread(r, "ethereum-prefetch");
        t.setDaemon(true);
        return t;
    }

    private List<EthBlockFlows> fetch(long from, long to) {
        return retrying("blocks " + from + ".." + to, () -> source.fetch(from, to));
    }

    /** The blocks {@code from..to}, being fetched on the helper thread. */
    private final class Prefetch {
        final long from;
        final long to;
        private final Future<List<EthBlockFlows>> blocks;

        Prefetch(ExecutorService helper, long from, long to) {
            this.from = from;
            this.to = to;
            this.blocks = helper.submit(() -> fetch(from, to));
        }

        /** The fetched blocks, or the fetch's own exception. */
        List<EthBlockFlows> await() {
            try {
                return blocks.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new CordonException(ErrorCode.REMOTE, "blocks " + from + ".." + to + ": " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CordonException(ErrorCode.REMOTE, "blocks " + from + ".." + to + ": interrupted", e);
            }
        }
    }

    /** Applies the fetched blocks {@code from..to}; returns the next height to fetch. */
    private long applyRange(long from, long to, List<EthBlockFlows> blocks) {
        long expect = from;
        for (EthBlockFlows b : blocks) {
            if (b.height() != expect) {
                throw new DecodeException("blocks " + from + ".." + to, -1, "got block " + b.height()
                        + " where " + expect + " was expected");
            }
            Optional<BlockRef> cp = sink.checkpoint();
            if (cp.isPresent() && !b.parentHash().equals(cp.get().hash())) {
                return rollBack(cp.get(), b) + 1;
            }
            sink.applyBlock(b);
            b.notes().forEach(n -> log.warn("{}", n));
            applied++;
            transfers += b.transfers().size();
            reorgsWithoutProgress = 0;
            expect++;
        }
        if (expect != to + 1) {
            throw new DecodeException("blocks " + from + ".." + to, -1, "the source returned " + blocks.size()
                    + " blocks; block " + expect + " is missing");
        }
        return expect;
    }

    /** Rolls the sink back to the newest block the node still has; returns its height. */
    private long rollBack(BlockRef head, EthBlockFlows orphanChild) {
        if (++reorgsWithoutProgress > opts.attempts()) {
            throw new CordonException(ErrorCode.REMOTE, "block " + orphanChild.ref() + " keeps not extending "
                    + head + " after " + opts.attempts() + " reorganisations; the node is unstable");
        }
        List<BlockRef> recent = sink.recentBlocks(opts.maxReorgDepth());
        List<Long> heights = new ArrayList<>(recent.size());
        recent.forEach(r -> heights.add(r.height()));
        Map<Long, BlockHash> canonical = retrying("canonical hashes below " + head.height(),
                () -> source.canonicalHashes(heights));
        for (BlockRef r : recent) {
            if (r.hash().equals(canonical.get(r.height()))) {
                sink.rollbackTo(r.height());
                reorgs++;
                log.warn("chain reorganisation: block {} has parent 0x{}, not {}; rolled back {} blocks to {}",
                        orphanChild.height(), orphanChild.parentHash().hex(), head, head.height() - r.height(), r);
                return r.height();
            }
        }
        throw new CordonException(ErrorCode.DATA, "chain reorganisation deeper than the " + recent.size()
                + " blocks below " + head + " that ingest may roll back; no common ancestor found");
    }

    private <T> T retrying(String what, Supplier<T> call) {
        Duration wait = opts.retryBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (CordonException e) {
                if (!retryable(e) || attempt >= opts.attempts()) {
                    throw attempt == 1 && !retryable(e) ? e : new CordonException(e.code(), what + ": "
                            + e.getMessage() + " (gave up after " + attempt + " attempts)", e);
                }
                log.warn("{}: {}; retry {} of {} in {} ms", what, e.getMessage(), attempt, opts.attempts() - 1,
                        wait.toMillis());
                if (!pause(wait)) {
                    throw new CordonException(ErrorCode.REMOTE, what + ": interrupted while waiting to retry", e);
                }
                wait = wait.multipliedBy(2);
            }
        }
    }

    private static boolean retryable(CordonException e) {
        if (e instanceof JsonRpcException j) {
            return !j.isMethodNotFound();
        }
        return e.code() == ErrorCode.REMOTE || e instanceof DecodeException;
    }

    private boolean pause(Duration d) {
        try {
            sleeper.sleep(d);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void progress(long height) {
        long now = clock.millis();
        if (now - lastProgress >= PROGRESS_EVERY_MS) {
            lastProgress = now;
            log.info("at block {}: {} blocks, {} transfers, {} reorgs", height, applied, transfers, reorgs);
        }
    }
}
