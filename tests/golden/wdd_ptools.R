# Golden values for shared/evaluation/wdq.ts wdd(), checked in tests/unit/evaluation/wdq.test.ts.
# R was not installed where these were written, so the values are hand-computed from the
# formula ptools::wdd() documents (Wheeler & Ratcliffe 2018); run this script where ptools is
# installed to confirm them:  Rscript tests/golden/wdd_ptools.R
#
# 1. The paper's example (also ptools' own test "Est & Variance Paper"):
#    control (before, after) = (308, 318), treated = (207, 110),
#    displacement control = (150, 140), displacement (buffer) = (178, 157).
#    dT = 110 - 207 = -97; dCt = 318 - 308 = 10; dD = 157 - 178 = -21; dCd = 140 - 150 = -10
#    local = dT - dCt = -107; displacement = dD - dCd = -11; WDD = -118
#    variance = 207 + 110 + 308 + 318 + 178 + 157 + 150 + 140 = 1568; SE = sqrt(1568) = 39.59797974644666
#    z = -118 / 39.59797974644666 = -2.979950006429022 (paper: -2.98)
#    95% interval = -118 -/+ 1.959963984540054 * 39.59797974644666 = -195.61061416358194 to -40.38938583641804
#      (paper: -196 to -40); two-sided p = 2 * pnorm(-2.979950006429022) = 0.002882954304980645
# 2. Unequal periods (ptools test "Time Weights"): control (100, 50), treated (80, 20),
#    time_weights = c(2, 1) (before twice as long):
#    WDD = (20/1 - 80/2) - (50/1 - 100/2) = -20 - 0 = -20
#    variance = 20/1^2 + 80/2^2 + 50/1^2 + 100/2^2 = 20 + 20 + 50 + 25 = 115; SE = sqrt(115)
#
# Note: one stored revision of ptools R/wdd.R has a misplaced parenthesis in var_disp
# (disp_control[2] * ((1/w)^2 + disp_control[1] * ...)); the corrected revision and ptools'
# own tests give variance = the plain sum of the eight counts, which is what we implement.
library(ptools)
r1 <- wdd(c(308, 318), c(207, 110), c(150, 140), c(178, 157), alpha = 0.05)
print(r1, digits = 16)
stopifnot(abs(r1[["Est_Total"]] - -118) < 1e-9, abs(r1[["SE_Total"]] - sqrt(1568)) < 1e-9,
          abs(r1[["LowCI"]] - -195.61061416358194) < 1e-9, abs(r1[["HighCI"]] - -40.38938583641804) < 1e-9)
r2 <- wdd(c(100, 50), c(80, 20), time_weights = c(2, 1), alpha = 0.05)
stopifnot(abs(r2[["Est_Total"]] - -20) < 1e-9, abs(r2[["SE_Total"]] - sqrt(115)) < 1e-9)
