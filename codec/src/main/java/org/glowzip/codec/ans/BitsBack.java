package org.glowzip.codec.ans;

import java.util.function.Function;

/**
 * Bits-back coding of {@code x} with a latent {@code z}: to push {@code x}, pop {@code z} from the
 * posterior {@code q(z|x)}, push {@code x} under the likelihood {@code p(x|z)}, push {@code z}
 * under the prior {@code p(z)}. Popping runs the same steps backwards and pushes {@code z} back
 * under the posterior, returning the borrowed bits.
 *
 * <p>The net cost of {@code x} is {@code -log2 p(x|z) - log2 p(z) + log2 q(z|x)}, whose average
 * is the negative evidence lower bound. The first pops on a fresh message read the
 * {@linkplain Message zero bed}: those are the initial bits that a stream pays once.
 */
public final class BitsBack<X, Z> implements Codec<X> {
    private final Codec<Z> prior;
    private final Function<? super Z, ? extends Codec<X>> likelihood;
    private final Function<? super X, ? extends Codec<Z>> posterior;

    public BitsBack(Codec<Z> prior, Function<? super Z, ? extends Codec<X>> likelihood,
            Function<? super X, ? extends Codec<Z>> posterior) {
        this.prior = prior;
        this.likelihood = likelihood;
        this.posterior = posterior;
    }

    @Override
    public void push(Message message, X x) {
        Z z = posterior.apply(x).pop(message);
        likelihood.apply(z).push(message, x);
        prior.push(message, z);
    }

    @Override
    public X pop(Message message) {
        Z z = prior.pop(message);
        X x = likelihood.apply(z).pop(message);
        posterior.apply(x).push(message, z);
        return x;
    }
}
