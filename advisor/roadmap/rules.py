"""The sentences of the documents the planner applies, by name: key -> (doc, section, opening).

Only addresses: the extractor (``extract``) finds each sentence in the parsed corpus and
stores its pin-cite and verbatim text in ``career.json``; the planner cites it by key. No
rule's wording lives here, and nothing is read.
"""

from __future__ import annotations

AR, OPM, CP34 = "ar-690-13", "opm-itpm-guide-2011", "cp-34"

# key -> (document, section, the words the sentence starts with). The planner cites these.
_DIFF, _PURPOSE = "Differentiating Job Titles within the GS-2210 Series", "Purpose and Objectives"
_PATH, _DEGREES = "Understanding the Career Path", "Degrees and Certifications"
_T14, _T15 = "Core Technical Competencies — GS-14, GS-15", "Core Technical Competencies — GS-15"
RULES: dict[str, tuple[str, str, str]] = {
    "band_defined": (AR, "3-2d", "A grade band consists of two or more consecutive grades."),
    "band_paths": (AR, "3-2d", "CIPMS has established grade band structures"),
    "ladder_progression": (AR, "3-2e", "Progression through a career ladder is dependent"),
    "above_gs15": (AR, "3-2c", "Policy and procedure for the classification of positions"),
    "band_competencies": (AR, "4-10b", "Successful attainment of all mandatory competencies"),
    "min_qualifications": (AR, "4-10b", "Except as stated in paragraph 4-19d"),
    "no_time_in_grade": (AR, "4-10c", "OPM time-in-grade restrictions do not apply"),
    "no_guarantee": (AR, "4-10f", "CIPMS neither requires nor guarantees"),
    "band_promotion": (AR, "4-11c", "A grade band promotion is a noncompetitive promotion"),
    "same_line_of_work": (AR, "4-11c", "Positions are generally in the same line of work"),
    "line_of_work_documented": (AR, "4-11c", "The determination that two positions"),
    "band_promotion_not_supervisory": (AR, "4-11c", "This authority may not be used"),
    "new_occupation": (AR, "4-19d", "As an exception, an internal applicant may enter"),
    "new_occupation_how": (AR, "4-19d", "In such cases, movement will be by reassignment"),
    "new_occupation_then": (AR, "4-19d", "Following such a move"),
    "training_agreements": (AR, "4-19e", "The use of training agreements"),
    "other_career_programs": (AR, "5-2b", "Training priorities for CIPMS employees"),
    "work_together": (AR, "5-2c", "CIPMS employees covered by ACTEDS plans"),
    "present_band_competencies": (AR, "5-2c", "Attainment of all mandatory competencies"),
    "competencies_how": (AR, "5-2c", "Competencies may be attained through"),
    "tech_clerical_training": (AR, "5-2d", "Training and career development needs"),
    "idp_form": (AR, "5-5a(1)", "DD Form 1917 will be used as the IDP."),
    "idp_annual": (AR, "5-5a(1)", "It will be completed at least annually"),
    "idp_five_years": (AR, "5-5a(2)", "DD Form 1917 contains training requirements"),
    "idp_relates": (AR, "5-5a(2)", "IDPs will relate to performance of the current position"),
    "idp_with_appraisal": (AR, "5-5a(3)", "Supervisors will accomplish IDPs concurrently"),
    "idp_discas": (AR, "5-5a(5)", "The status of the employee's registration in DISCAS"),
    "idp_tech_clerical": (AR, "5-5b", "IDPs for technician and clerical career path employees"),
    "idp_tech_band": (AR, "5-5b", "Identified training may reflect competencies"),
    "idp_position_change": (AR, "5-5c", "When a position change occurs"),
    "bridge_positions": (AR, "5-7b", "Managers and supervisors will strive to structure"),
    "dual_track_idp": (AR, "5-7c", "In addition to technical training, supervisory"),
    "discas_band_promotion": (AR, "13-3b(1)", "Grade band promotions may be made without"),
    "supervisors_in_bands": (AR, "Figure 3-1", "First and second line supervisory positions"),
    "degree_not_required": (OPM, _PURPOSE, "While a degree or certificate is not required"),
    "paths_not_exclusive": (OPM, _PURPOSE, "Please note, however, the career paths"),
    "guide_for_training": (OPM, _PURPOSE, "This Guide serves as a roadmap for individuals"),
    "two_grade_interval": (OPM, _DIFF, "two-grade interval administrative positions"),
    "guide_focus": (OPM, _DIFF, "This Guide focuses on"),
    "career_path_defined": (OPM, _PATH, "A career path is a progression"),
    "rare_entry": (OPM, _PATH, "IT Program Management positions also rarely"),
    "ask_supervisor": (OPM, "Success Factors", "After reading through the success factors"),
    "behaviors_vary": (OPM, "Risk Management", "Behaviors at different grade levels may vary"),
    "gs14_table": (OPM, _T14, "While proficiency in these focus areas"),
    "gs15_table": (OPM, _T15, "While proficiency in these focus areas"),
    "most_not_required": (OPM, _DEGREES, "most IT Program Manager positions do not require"),
    "experience_and_coursework": (OPM, _DEGREES, "Nevertheless, subject matter experts"),
    "list_not_exhaustive": (OPM, _DEGREES, "Please note this list is not exhaustive"),
    "cp34_mco": (CP34, "Definition", "The 2210 series is a Department of Defense"),
    "cp34_designation": (CP34, "Career Program Designation", "Managers assign Career Program"),
}
