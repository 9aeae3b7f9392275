;; Resampling kernel: numpy's PCG64 stream, its 32-bit Lemire sampler and its
;; pairwise summation, fused so that no R x n matrix and no row buffer exists.
;;
;; Source of the bytes embedded in resample-kernel.wasm.ts; rebuild with
;; `node .ci/build-wasm.mjs`. The BigInt reference (../numpy-random.ts) is the
;; readable specification; tests check this kernel against it bit for bit.
;;
;; Memory map (bytes):
;;   [0, 16384)       RAW: 2048 PCG64 outputs, read as 4096 little-endian u32
;;   [16384, 17408)   SCRATCH: one pairwise-sum leaf (<= 128 doubles)
;;   [17408, ...)     caller data (inputs, outputs, cluster choices)
;;
;; Why a u32 view of a buffer of 64-bit outputs: numpy's next32 hands out the
;; low half of a 64-bit draw and keeps the high half for the next call, so as
;; long as only 32-bit draws are taken (true for integers(0, k), k <= 2^32) the
;; 32-bit stream is exactly the little-endian halves of the 64-bit stream.
;; Generating 2048 outputs ahead is invisible: nothing else reads the state.
;;
;; Why fused: numpy's pairwise sum visits elements strictly left to right, so
;; each 128-element leaf can be produced (sign-flipped, gathered, or copied
;; from the chosen clusters) into SCRATCH right before it is summed. Random
;; draws are then consumed in the same order as numpy's row-major fill.
(module
  (memory (export "memory") 1)

  (global $RAW_WORDS i32 (i32.const 4096))
  (global $SCRATCH i32 (i32.const 16384))

  ;; PCG64 state (128 bits) and increment, as (hi, lo) pairs of i64.
  (global $slo (mut i64) (i64.const 0))
  (global $shi (mut i64) (i64.const 0))
  (global $ilo (mut i64) (i64.const 0))
  (global $ihi (mut i64) (i64.const 0))
  ;; Next unread u32 word in RAW; RAW_WORDS means "empty, refill first".
  (global $pos (mut i32) (i32.const 4096))

  ;; Leaf producer selection and cursors (set by the exported entry points).
  ;; mode 0 = sign flip, 1 = bootstrap gather, 2 = cluster concatenation.
  (global $mode (mut i32) (i32.const 0))
  (global $src (mut i32) (i32.const 0))     ;; d or values (f64 array)
  (global $cur (mut i32) (i32.const 0))     ;; sign flip: byte offset of next d
  (global $rng (mut i32) (i32.const 0))     ;; bootstrap: numpy's inclusive range k - 1
  (global $offs (mut i32) (i32.const 0))    ;; cluster: offsets (i32, G + 1)
  (global $chosen (mut i32) (i32.const 0))  ;; cluster: drawn cluster ids (i32, G)
  (global $cc (mut i32) (i32.const 0))      ;; cluster: index into chosen
  (global $cw (mut i32) (i32.const 0))      ;; cluster: elements used of that cluster

  (func (export "setState") (param $shi i64) (param $slo i64) (param $ihi i64) (param $ilo i64)
    (global.set $shi (local.get $shi))
    (global.set $slo (local.get $slo))
    (global.set $ihi (local.get $ihi))
    (global.set $ilo (local.get $ilo))
    (global.set $pos (global.get $RAW_WORDS)))

  ;; Fill RAW with the next 2048 PCG64 outputs. One step is
  ;; state = state * M + inc (mod 2^128), M = 0x2360ED051FC65DA4_4385DF649FCCF645,
  ;; followed by the XSL-RR output rotr64(hi ^ lo, hi >> 58). The only product
  ;; wider than 64 bits, lo * M_lo, gets its high half from 32-bit limbs.
  (func $refill
    (local $lo i64) (local $hi i64) (local $a0 i64) (local $a1 i64)
    (local $p01 i64) (local $p10 i64) (local $mid i64) (local $mulhi i64)
    (local $nlo i64) (local $p i32)
    (local.set $lo (global.get $slo))
    (local.set $hi (global.get $shi))
    (loop $step
      (local.set $a0 (i64.and (local.get $lo) (i64.const 0xffffffff)))
      (local.set $a1 (i64.shr_u (local.get $lo) (i64.const 32)))
      (local.set $p01 (i64.mul (local.get $a0) (i64.const 0x4385df64)))
      (local.set $p10 (i64.mul (local.get $a1) (i64.const 0x9fccf645)))
      (local.set $mid
        (i64.add
          (i64.add
            (i64.shr_u (i64.mul (local.get $a0) (i64.const 0x9fccf645)) (i64.const 32))
            (i64.and (local.get $p01) (i64.const 0xffffffff)))
          (i64.and (local.get $p10) (i64.const 0xffffffff))))
      (local.set $mulhi
        (i64.add
          (i64.add
            (i64.mul (local.get $a1) (i64.const 0x4385df64))
            (i64.shr_u (local.get $p01) (i64.const 32)))
          (i64.add
            (i64.shr_u (local.get $p10) (i64.const 32))
            (i64.shr_u (local.get $mid) (i64.const 32)))))
      (local.set $nlo
        (i64.add (i64.mul (local.get $lo) (i64.const 0x4385df649fccf645)) (global.get $ilo)))
      (local.set $hi
        (i64.add
          (i64.add
            (i64.add (local.get $mulhi) (i64.mul (local.get $lo) (i64.const 0x2360ed051fc65da4)))
            (i64.mul (local.get $hi) (i64.const 0x4385df649fccf645)))
          (i64.add
            (global.get $ihi)
            ;; carry out of the low-half addition of inc
            (i64.extend_i32_u (i64.lt_u (local.get $nlo) (global.get $ilo))))))
      (local.set $lo (local.get $nlo))
      (i64.store (local.get $p)
        (i64.rotr (i64.xor (local.get $hi) (local.get $lo))
                  (i64.shr_u (local.get $hi) (i64.const 58))))
      (local.set $p (i32.add (local.get $p) (i32.const 8)))
      (br_if $step (i32.lt_u (local.get $p) (i32.const 16384))))
    (global.set $slo (local.get $lo))
    (global.set $shi (local.get $hi))
    (global.set $pos (i32.const 0)))

  ;; numpy next32: the next word of the u32 stream.
  (func $next32 (result i32) (local $p i32)
    (if (i32.eq (global.get $pos) (global.get $RAW_WORDS)) (then (call $refill)))
    (local.set $p (global.get $pos))
    (global.set $pos (i32.add (local.get $p) (i32.const 1)))
    (i32.load (i32.shl (local.get $p) (i32.const 2))))

  ;; numpy buffered_bounded_lemire_uint32 for rng = k - 1 < 2^32 - 1, rng > 0:
  ;; m = u * k; reject while (m mod 2^32) < (2^32 - k) mod k; return m >> 32.
  (func $lemire (param $rng i32) (result i32)
    (local $k i32) (local $m i64) (local $threshold i32)
    (local.set $k (i32.add (local.get $rng) (i32.const 1)))
    (local.set $m (i64.mul (i64.extend_i32_u (call $next32)) (i64.extend_i32_u (local.get $k))))
    (if (i32.lt_u (i32.wrap_i64 (local.get $m)) (local.get $k))
      (then
        (local.set $threshold (i32.rem_u (i32.sub (i32.const 0) (local.get $k)) (local.get $k)))
        (block $done
          (loop $again
            (br_if $done (i32.ge_u (i32.wrap_i64 (local.get $m)) (local.get $threshold)))
            (local.set $m (i64.mul (i64.extend_i32_u (call $next32))
                                   (i64.extend_i32_u (local.get $k))))
            (br $again)))))
    (i32.wrap_i64 (i64.shr_u (local.get $m) (i64.const 32))))

  ;; integers(0, k) with rng = k - 1 (k = 1: no draw; k = 2^32: raw next32).
  (func $bounded (param $rng i32) (result i32)
    (if (i32.eqz (local.get $rng)) (then (return (i32.const 0))))
    (if (i32.eq (local.get $rng) (i32.const -1)) (then (return (call $next32))))
    (call $lemire (local.get $rng)))

  (func (export "integers") (param $rng i32) (param $count i32) (param $out i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
        (f64.store (local.get $out) (f64.convert_i32_u (call $bounded (local.get $rng))))
        (local.set $out (i32.add (local.get $out) (i32.const 8)))
        (br $next))))

  ;; Sign-flip leaf: s_j * d_j with s_j = -1 or +1 from the top bit of a u32
  ;; (integers(0, 2) is that bit: k = 2 never rejects). Multiplying by -1 only
  ;; flips the sign bit, so the sign is xor-ed in directly.
  (func $produceSign (param $n i32)
    (local $sp i32) (local $end i32) (local $dp i32) (local $p i32) (local $u i32)
    (local.set $sp (global.get $SCRATCH))
    (local.set $end (i32.add (local.get $sp) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $dp (global.get $cur))
    (local.set $p (global.get $pos))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $sp) (local.get $end)))
        (if (i32.eq (local.get $p) (i32.const 4096))
          (then (call $refill) (local.set $p (i32.const 0))))
        (local.set $u (i32.load (i32.shl (local.get $p) (i32.const 2))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (i64.store (local.get $sp)
          (i64.xor (i64.load (local.get $dp))
                   (i64.shl (i64.extend_i32_u (i32.xor (i32.shr_u (local.get $u) (i32.const 31))
                                                       (i32.const 1)))
                            (i64.const 63))))
        (local.set $sp (i32.add (local.get $sp) (i32.const 8)))
        (local.set $dp (i32.add (local.get $dp) (i32.const 8)))
        (br $next)))
    (global.set $cur (local.get $dp))
    (global.set $pos (local.get $p)))

  ;; Bootstrap leaf: d[integers(0, n)], Lemire inlined for the common case
  ;; (the rare rejection goes through $lemire's loop via the saved position).
  (func $produceGather (param $n i32)
    (local $sp i32) (local $end i32) (local $p i32) (local $k i64) (local $m i64)
    (local $idx i32)
    (local.set $sp (global.get $SCRATCH))
    (local.set $end (i32.add (local.get $sp) (i32.shl (local.get $n) (i32.const 3))))
    (local.set $k (i64.add (i64.extend_i32_u (global.get $rng)) (i64.const 1)))
    (local.set $p (global.get $pos))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $sp) (local.get $end)))
        (if (i32.eqz (global.get $rng))
          (then (local.set $idx (i32.const 0)))
          (else
            (if (i32.eq (local.get $p) (i32.const 4096))
              (then (call $refill) (local.set $p (i32.const 0))))
            (local.set $m (i64.mul (i64.extend_i32_u (i32.load (i32.shl (local.get $p) (i32.const 2))))
                                   (local.get $k)))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (local.set $idx (i32.wrap_i64 (i64.shr_u (local.get $m) (i64.const 32))))
            (if (i64.lt_u (i64.and (local.get $m) (i64.const 0xffffffff)) (local.get $k))
              (then
                ;; Possible rejection: replay this draw through the exact loop.
                (global.set $pos (i32.sub (local.get $p) (i32.const 1)))
                (local.set $idx (call $lemire (global.get $rng)))
                (local.set $p (global.get $pos))))))
        (f64.store (local.get $sp)
          (f64.load (i32.add (global.get $src) (i32.shl (local.get $idx) (i32.const 3)))))
        (local.set $sp (i32.add (local.get $sp) (i32.const 8)))
        (br $next)))
    (global.set $pos (local.get $p)))

  ;; Cluster leaf: the next n elements of concat(values[group[chosen[c]]]...).
  (func $produceCluster (param $n i32)
    (local $sp i32) (local $c i32) (local $w i32) (local $g i32) (local $start i32)
    (local $len i32) (local $take i32)
    (local.set $sp (global.get $SCRATCH))
    (local.set $c (global.get $cc))
    (local.set $w (global.get $cw))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $g (i32.load (i32.add (global.get $chosen) (i32.shl (local.get $c) (i32.const 2)))))
        (local.set $start (i32.load (i32.add (global.get $offs) (i32.shl (local.get $g) (i32.const 2)))))
        (local.set $len (i32.sub
          (i32.load (i32.add (global.get $offs) (i32.shl (i32.add (local.get $g) (i32.const 1)) (i32.const 2))))
          (local.get $start)))
        (local.set $take (i32.sub (local.get $len) (local.get $w)))
        (if (i32.gt_u (local.get $take) (local.get $n)) (then (local.set $take (local.get $n))))
        (memory.copy (local.get $sp)
          (i32.add (global.get $src) (i32.shl (i32.add (local.get $start) (local.get $w)) (i32.const 3)))
          (i32.shl (local.get $take) (i32.const 3)))
        (local.set $sp (i32.add (local.get $sp) (i32.shl (local.get $take) (i32.const 3))))
        (local.set $n (i32.sub (local.get $n) (local.get $take)))
        (local.set $w (i32.add (local.get $w) (local.get $take)))
        (if (i32.eq (local.get $w) (local.get $len))
          (then (local.set $c (i32.add (local.get $c) (i32.const 1))) (local.set $w (i32.const 0))))
        (br $next)))
    (global.set $cc (local.get $c))
    (global.set $cw (local.get $w)))

  ;; numpy's leaf sum over SCRATCH[0..n), n <= 128 (see ../pairwise-sum.ts).
  (func $leafSum (param $n i32) (result f64)
    (local $i i32) (local $end i32) (local $full i32) (local $res f64)
    (local $r0 f64) (local $r1 f64) (local $r2 f64) (local $r3 f64)
    (local $r4 f64) (local $r5 f64) (local $r6 f64) (local $r7 f64)
    (local.set $i (i32.const 16384))
    (local.set $end (i32.add (i32.const 16384) (i32.shl (local.get $n) (i32.const 3))))
    (if (i32.lt_u (local.get $n) (i32.const 8))
      (then
        (local.set $res (f64.const -0.0))
        (block $done
          (loop $next
            (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
            (local.set $res (f64.add (local.get $res) (f64.load (local.get $i))))
            (local.set $i (i32.add (local.get $i) (i32.const 8)))
            (br $next)))
        (return (local.get $res))))
    (local.set $full (i32.add (i32.const 16384)
                              (i32.shl (i32.and (local.get $n) (i32.const -8)) (i32.const 3))))
    (local.set $r0 (f64.load offset=0 (local.get $i)))
    (local.set $r1 (f64.load offset=8 (local.get $i)))
    (local.set $r2 (f64.load offset=16 (local.get $i)))
    (local.set $r3 (f64.load offset=24 (local.get $i)))
    (local.set $r4 (f64.load offset=32 (local.get $i)))
    (local.set $r5 (f64.load offset=40 (local.get $i)))
    (local.set $r6 (f64.load offset=48 (local.get $i)))
    (local.set $r7 (f64.load offset=56 (local.get $i)))
    (local.set $i (i32.add (local.get $i) (i32.const 64)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $full)))
        (local.set $r0 (f64.add (local.get $r0) (f64.load offset=0 (local.get $i))))
        (local.set $r1 (f64.add (local.get $r1) (f64.load offset=8 (local.get $i))))
        (local.set $r2 (f64.add (local.get $r2) (f64.load offset=16 (local.get $i))))
        (local.set $r3 (f64.add (local.get $r3) (f64.load offset=24 (local.get $i))))
        (local.set $r4 (f64.add (local.get $r4) (f64.load offset=32 (local.get $i))))
        (local.set $r5 (f64.add (local.get $r5) (f64.load offset=40 (local.get $i))))
        (local.set $r6 (f64.add (local.get $r6) (f64.load offset=48 (local.get $i))))
        (local.set $r7 (f64.add (local.get $r7) (f64.load offset=56 (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 64)))
        (br $next)))
    (local.set $res
      (f64.add (f64.add (f64.add (local.get $r0) (local.get $r1)) (f64.add (local.get $r2) (local.get $r3)))
               (f64.add (f64.add (local.get $r4) (local.get $r5)) (f64.add (local.get $r6) (local.get $r7)))))
    (block $done2
      (loop $rest
        (br_if $done2 (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $res (f64.add (local.get $res) (f64.load (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 8)))
        (br $rest)))
    (local.get $res))

  ;; numpy's recursion: n <= 128 is a leaf, else split at (n/2) rounded down
  ;; to a multiple of 8. The left half is evaluated (and produced) first.
  (func $pairwise (param $n i32) (result f64) (local $n2 i32)
    (if (i32.le_u (local.get $n) (i32.const 128))
      (then
        (if (i32.eqz (global.get $mode))
          (then (call $produceSign (local.get $n)))
          (else
            (if (i32.eq (global.get $mode) (i32.const 1))
              (then (call $produceGather (local.get $n)))
              (else (call $produceCluster (local.get $n))))))
        (return (call $leafSum (local.get $n)))))
    (local.set $n2 (i32.and (i32.shr_u (local.get $n) (i32.const 1)) (i32.const -8)))
    (f64.add (call $pairwise (local.get $n2))
             (call $pairwise (i32.sub (local.get $n) (local.get $n2)))))

  ;; out[r] = mean_j(s_rj * d_j), r < rows.
  (func (export "signFlipMeans") (param $d i32) (param $n i32) (param $rows i32) (param $out i32)
    (local $end i32)
    (global.set $mode (i32.const 0))
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $rows) (i32.const 3))))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
        (global.set $cur (local.get $d))
        (f64.store (local.get $out)
          (f64.div (call $pairwise (local.get $n)) (f64.convert_i32_u (local.get $n))))
        (local.set $out (i32.add (local.get $out) (i32.const 8)))
        (br $row))))

  ;; out[r] = mean_j d[integers(0, n)], r < rows.
  (func (export "bootstrapMeans") (param $d i32) (param $n i32) (param $rows i32) (param $out i32)
    (local $end i32)
    (global.set $mode (i32.const 1))
    (global.set $src (local.get $d))
    (global.set $rng (i32.sub (local.get $n) (i32.const 1)))
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $rows) (i32.const 3))))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
        (f64.store (local.get $out)
          (f64.div (call $pairwise (local.get $n)) (f64.convert_i32_u (local.get $n))))
        (local.set $out (i32.add (local.get $out) (i32.const 8)))
        (br $row))))

  ;; EVALSIG's cluster loop: per row draw G cluster ids, then the mean of the
  ;; concatenation of those clusters' values (its length varies per row).
  (func (export "clusterMeans") (param $values i32) (param $offs i32) (param $g i32)
        (param $rows i32) (param $out i32) (param $chosen i32)
    (local $end i32) (local $c i32) (local $id i32) (local $total i32)
    (global.set $mode (i32.const 2))
    (global.set $src (local.get $values))
    (global.set $offs (local.get $offs))
    (global.set $chosen (local.get $chosen))
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $rows) (i32.const 3))))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
        (local.set $total (i32.const 0))
        (local.set $c (i32.const 0))
        (block $drawn
          (loop $draw
            (br_if $drawn (i32.ge_u (local.get $c) (local.get $g)))
            (local.set $id (call $bounded (i32.sub (local.get $g) (i32.const 1))))
            (i32.store (i32.add (local.get $chosen) (i32.shl (local.get $c) (i32.const 2))) (local.get $id))
            (local.set $total (i32.add (local.get $total)
              (i32.sub (i32.load (i32.add (local.get $offs) (i32.shl (i32.add (local.get $id) (i32.const 1)) (i32.const 2))))
                       (i32.load (i32.add (local.get $offs) (i32.shl (local.get $id) (i32.const 2)))))))
            (local.set $c (i32.add (local.get $c) (i32.const 1)))
            (br $draw)))
        (global.set $cc (i32.const 0))
        (global.set $cw (i32.const 0))
        (f64.store (local.get $out)
          (f64.div (call $pairwise (local.get $total)) (f64.convert_i32_u (local.get $total))))
        (local.set $out (i32.add (local.get $out) (i32.const 8)))
        (br $row))))
)
