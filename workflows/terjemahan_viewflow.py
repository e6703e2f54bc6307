"""Every message viewflow 2.4 shows, so that `makemessages` puts them into our catalogue.

viewflow ships no Indonesian catalogue (its locale/ has de, es, fr, it, ja, kk, ko, pt, ru,
sr and zh_Hans), and `makemessages` only reads our own code, never an installed package. This
module lists what viewflow marks for translation in its templates and its Python code, so the
project's locale/id/LC_MESSAGES/django.po carries the Indonesian of each; LOCALE_PATHS comes
before the packages' catalogues, so Django finds ours first. Our back office does not use
viewflow's frontend, but the issue asks for it, and the admin and viewflow's own pages (task
and process lists, inbox, queue, archive, task actions, flow chart, forms, login) show them.

Nothing imports this module: it is only read by `makemessages`. Each entry is the exact msgid
(whitespace and all: an untrimmed `{% blocktrans %}` looks up its text as written), with the
context (`pgettext`) or plural form viewflow uses, and the viewflow file it comes from.

Regenerate after upgrading viewflow: run Django's makemessages in a copy of the installed
package (with LOCALE_PATHS empty so nothing is written into our locale/) and turn every entry
of the resulting .po into a line below.
"""

# ruff: noqa: E501 (the msgids must be exactly viewflow's, long lines and all)
from django.utils.translation import gettext_noop, ngettext_lazy, pgettext_lazy

PESAN_VIEWFLOW = [
    gettext_noop("Administration"),  # contrib/admin/__init__.py
    gettext_noop(
        "Avatar file is too large (%(size)s). Max size is %(max_size)s."
    ),  # contrib/auth.py
    gettext_noop("Fantastic!"),  # contrib/auth.py
    gettext_noop("That looks awesome!"),  # contrib/auth.py
    gettext_noop("You are looking very well today!"),  # contrib/auth.py
    gettext_noop("I totally admire your spontaneity."),  # contrib/auth.py
    gettext_noop("I like your new haircut."),  # contrib/auth.py
    gettext_noop("What a beautiful costume!"),  # contrib/auth.py
    gettext_noop("You look very good in that suit"),  # contrib/auth.py
    gettext_noop("I love your style."),  # contrib/auth.py
    gettext_noop("I love your hair today"),  # contrib/auth.py
    gettext_noop("That color looks great on you!"),  # contrib/auth.py
    gettext_noop("YYYY"),  # forms/renderers.py
    gettext_noop("MM"),  # forms/renderers.py
    gettext_noop("DD"),  # forms/renderers.py
    gettext_noop("HH"),  # forms/renderers.py
    gettext_noop("SS"),  # forms/renderers.py
    gettext_noop("AM/PM"),  # forms/renderers.py
    gettext_noop("Transition is not allowed"),  # fsm/admin.py
    gettext_noop("%(label)s %(name)s"),  # fsm/admin.py
    gettext_noop("State chart"),  # fsm/viewset.py
    gettext_noop("Bad Request"),  # templates/400.html
    gettext_noop("View site"),  # templates/400.html
    gettext_noop("Access Forbidden"),  # templates/403.html
    gettext_noop("You are not logged in"),  # templates/403.html
    gettext_noop("%(user)s have no rights to access this page"),  # templates/403.html
    gettext_noop("Log in"),  # templates/403.html
    gettext_noop("Log in as another user"),  # templates/403.html
    gettext_noop("Page not found"),  # templates/404.html
    gettext_noop("We're sorry, but the requested page could not be found."),  # templates/404.html
    gettext_noop("Server error"),  # templates/500.html
    gettext_noop(
        "There's been an error. It's been reported to the site administrators via email and should be fixed shortly. Thanks for your patience."
    ),  # templates/500.html
    gettext_noop("Recover deleted %(name)s"),  # templates/admin/fsm_change_list.html
    gettext_noop("Graph"),  # templates/admin/fsm_change_list.html
    gettext_noop("Filter"),  # templates/admin/fsm_change_list.html
    gettext_noop("Home"),  # templates/admin/fsm_transition_form.html
    gettext_noop("Please correct the error below."),  # templates/admin/fsm_transition_form.html
    gettext_noop("Please correct the errors below."),  # templates/admin/fsm_transition_form.html
    gettext_noop("Yes, I’m sure"),  # templates/admin/fsm_transition_form.html
    gettext_noop("No, take me back"),  # templates/admin/fsm_transition_form.html
    gettext_noop("first step"),  # templates/formtools/wizard/wizard_form.html
    gettext_noop("prev step"),  # templates/formtools/wizard/wizard_form.html
    gettext_noop("Logout"),  # templates/registration/logged_out.html
    gettext_noop("Log out"),  # templates/registration/logged_out.html
    gettext_noop(
        "Thanks for spending some quality time with the Web site today."
    ),  # templates/registration/logged_out.html
    gettext_noop("Log in again"),  # templates/registration/logged_out.html
    gettext_noop("Viewflow Demo suite"),  # templates/registration/login.html
    gettext_noop("Reset password"),  # templates/registration/login.html
    gettext_noop("Profile"),  # templates/registration/password_change_done.html
    gettext_noop("Your password was changed."),  # templates/registration/password_change_done.html
    gettext_noop("Change"),  # templates/registration/password_change_form.html
    gettext_noop(
        "Your password has been set.  You may go ahead and log in now."
    ),  # templates/registration/password_reset_complete.html
    gettext_noop(
        "Please enter your new password twice so we can verify you typed it in correctly."
    ),  # templates/registration/password_reset_confirm.html
    gettext_noop("Change my password"),  # templates/registration/password_reset_confirm.html
    gettext_noop(
        "The password reset link was invalid, possibly because it has already been used.  Please request a new password reset."
    ),  # templates/registration/password_reset_confirm.html
    gettext_noop(
        "We’ve emailed you instructions for setting your password, if an account exists with the email you entered. You should receive them shortly."
    ),  # templates/registration/password_reset_done.html
    gettext_noop(
        "If you don’t receive an email, please make sure you’ve entered the address you registered with, and check your spam folder."
    ),  # templates/registration/password_reset_done.html
    gettext_noop(
        "Forgotten your password? Enter your email address below, and we’ll email instructions for setting a new one."
    ),  # templates/registration/password_reset_form.html
    gettext_noop("Cancel"),  # templates/registration/password_reset_form.html
    gettext_noop("Reset"),  # templates/registration/password_reset_form.html
    gettext_noop("Change password"),  # templates/registration/profile.html
    gettext_noop("Edit"),  # templates/registration/profile.html
    gettext_noop("Submit"),  # templates/registration/profile.html
    gettext_noop("Login"),  # templates/viewflow/base_page.html
    gettext_noop("Export"),  # templates/viewflow/contrib/import_export/export_action.html
    ngettext_lazy(
        "\n                        Export the %(name)s\n                      ",
        "\n                        Export the %(objects_count)s %(plural_name)s\n                      ",
        1,
    ),  # templates/viewflow/contrib/import_export/export_action.html
    gettext_noop(
        "\n                        Export all %(plural_name)s\n                      "
    ),  # templates/viewflow/contrib/import_export/export_action.html
    gettext_noop("Back"),  # templates/viewflow/contrib/import_export/export_action.html
    gettext_noop("Import"),  # templates/viewflow/contrib/import_export/import_action.html
    gettext_noop(
        "\n                      Import %(plural_name)s\n                    "
    ),  # templates/viewflow/contrib/import_export/import_action.html
    gettext_noop("Flow Chart"),  # templates/viewflow/fsm/detail.html
    gettext_noop("Export PNG"),  # templates/viewflow/fsm/includes/flow_chart_modal.html
    gettext_noop("PNG"),  # templates/viewflow/fsm/includes/flow_chart_modal.html
    gettext_noop("Flow"),  # templates/viewflow/fsm/list.html
    gettext_noop("Pick an action"),  # templates/viewflow/includes/list_bulk_actions.html
    gettext_noop("Applications"),  # templates/viewflow/includes/site_menu.html
    gettext_noop("Delete"),  # templates/viewflow/views/confirm_delete.html
    gettext_noop(
        '"%(escaped_object)s" and all of the following related items will be deleted'
    ),  # templates/viewflow/views/confirm_delete.html
    ngettext_lazy(
        "\n                        Are you sure you want to delete the %(name)s and related items?\n                      ",
        "\n                        Are you sure you want to delete the %(objects_count)s %(plural_name)s and related items?\n                      ",
        1,
    ),  # templates/viewflow/views/delete_action.html
    gettext_noop(
        "\n                        Are you sure you want to delete all %(plural_name)s and related items?\n                      "
    ),  # templates/viewflow/views/delete_action.html
    gettext_noop("New"),  # templates/viewflow/views/form.html
    gettext_noop("Add"),  # templates/viewflow/views/form.html
    gettext_noop("Save"),  # templates/viewflow/views/form.html
    gettext_noop("Confirm"),  # templates/viewflow/views/transition.html
    gettext_noop("Assign"),  # templates/viewflow/workflow/assign.html
    gettext_noop("Assign and continue"),  # templates/viewflow/workflow/assign.html
    gettext_noop("Dashboard"),  # templates/viewflow/workflow/flow_menu.html
    gettext_noop("Inbox"),  # templates/viewflow/workflow/flow_menu.html
    gettext_noop("Queue"),  # templates/viewflow/workflow/flow_menu.html
    gettext_noop("Archive"),  # templates/viewflow/workflow/flow_menu.html
    ngettext_lazy(
        "\n                  This process can not be canceled while a task is still in progress.\n                ",
        "\n                  This process can not be canceled while tasks are still in progress.\n                ",
        1,
    ),  # templates/viewflow/workflow/process_cancel.html
    gettext_noop("Export BPMN"),  # templates/viewflow/workflow/process_dashboard.html
    gettext_noop("BPMN"),  # templates/viewflow/workflow/process_dashboard.html
    gettext_noop("No rights to execute"),  # templates/viewflow/workflow/process_dashboard.html
    gettext_noop("Created"),  # templates/viewflow/workflow/process_dashboard.html
    gettext_noop("Assigned"),  # templates/viewflow/workflow/process_dashboard.html
    gettext_noop("Execute"),  # templates/viewflow/workflow/process_dashboard.html
    gettext_noop("View"),  # templates/viewflow/workflow/process_dashboard.html
    gettext_noop("Show all"),  # templates/viewflow/workflow/process_dashboard.html
    gettext_noop("Finished"),  # templates/viewflow/workflow/process_dashboard.html
    gettext_noop("Process list"),  # templates/viewflow/workflow/process_dashboard.html
    gettext_noop("Parent Task"),  # templates/viewflow/workflow/process_data.html
    gettext_noop("Seed"),  # templates/viewflow/workflow/process_data.html
    gettext_noop("Artifact"),  # templates/viewflow/workflow/process_data.html
    gettext_noop("#"),  # templates/viewflow/workflow/process_detail.html
    gettext_noop("Description"),  # templates/viewflow/workflow/process_detail.html
    gettext_noop("Owner"),  # templates/viewflow/workflow/process_detail.html
    gettext_noop("Started"),  # templates/viewflow/workflow/process_detail.html
    gettext_noop("Status"),  # templates/viewflow/workflow/process_detail.html
    gettext_noop("Start"),  # templates/viewflow/workflow/start.html
    gettext_noop("Start and continue"),  # templates/viewflow/workflow/start.html
    gettext_noop("Execute and continue"),  # templates/viewflow/workflow/task.html
    gettext_noop("Previous tasks"),  # templates/viewflow/workflow/task_detail.html
    gettext_noop("No previous tasks"),  # templates/viewflow/workflow/task_detail.html
    gettext_noop("Next tasks"),  # templates/viewflow/workflow/task_detail.html
    gettext_noop("No next tasks"),  # templates/viewflow/workflow/task_detail.html
    gettext_noop("Subprocess"),  # templates/viewflow/workflow/task_detail.html
    gettext_noop("Revive"),  # templates/viewflow/workflow/task_revive.html
    gettext_noop("Unassign"),  # templates/viewflow/workflow/task_unassign.html
    gettext_noop("Undo"),  # templates/viewflow/workflow/task_undo.html
    gettext_noop("Assign selected tasks"),  # templates/viewflow/workflow/tasks_assign.html
    gettext_noop("Task"),  # templates/viewflow/workflow/tasks_assign.html
    gettext_noop("Brief"),  # templates/viewflow/workflow/tasks_assign.html
    gettext_noop("Process brief"),  # templates/viewflow/workflow/tasks_assign.html
    gettext_noop("confirm"),  # templates/viewflow/workflow/tasks_assign.html
    gettext_noop("Unassign selected tasks"),  # templates/viewflow/workflow/tasks_unassign.html
    gettext_noop("New process"),  # templates/viewflow/workflow/workflow_tasks_list.html
    gettext_noop("Add new"),  # urls/model.py
    gettext_noop("The {obj} was added successfully. {link}"),  # views/create.py
    gettext_noop("The {obj} was deleted successfully."),  # views/delete.py
    gettext_noop("The {obj} was changed successfully. {link}"),  # views/update.py
    gettext_noop("flow"),  # workflow/admin.py
    gettext_noop("Workflow"),  # workflow/apps.py
    gettext_noop("Task {task} has been assigned."),  # workflow/flow/views/actions.py
    gettext_noop("Task {task} has been unassigned."),  # workflow/flow/views/actions.py
    gettext_noop("Task {task} has been canceled."),  # workflow/flow/views/actions.py
    gettext_noop("Task {task} has been undone."),  # workflow/flow/views/actions.py
    gettext_noop("Task {task} has been revived."),  # workflow/flow/views/actions.py
    gettext_noop("Process #%(pk)s can not be canceled."),  # workflow/flow/views/actions.py
    gettext_noop("Process #%(pk)s has been canceled."),  # workflow/flow/views/actions.py
    gettext_noop("Process {process} has been started."),  # workflow/flow/views/create.py
    gettext_noop("You have no rights to view this task"),  # workflow/flow/views/detail.py
    gettext_noop("Task {task} has been completed."),  # workflow/flow/views/update.py
    gettext_noop("Processes"),  # workflow/flow/viewset.py
    gettext_noop("Type"),  # workflow/models.py
    gettext_noop("Scheduled"),  # workflow/models.py
    gettext_noop("Previous"),  # workflow/models.py
    gettext_noop("Token"),  # workflow/models.py
    gettext_noop("External Task ID"),  # workflow/models.py
    gettext_noop("Permission"),  # workflow/models.py
    gettext_noop("Process"),  # workflow/models.py
    gettext_noop("Tasks"),  # workflow/models.py
    pgettext_lazy("STATUS", "Canceled"),  # workflow/status.py
    pgettext_lazy("STATUS", "Done"),  # workflow/status.py
    pgettext_lazy("STATUS", "New"),  # workflow/status.py
    pgettext_lazy("STATUS", "Assigned"),  # workflow/status.py
    pgettext_lazy("STATUS", "Error"),  # workflow/status.py
    pgettext_lazy("STATUS", "Revived"),  # workflow/status.py
    pgettext_lazy("STATUS", "Scheduled"),  # workflow/status.py
    pgettext_lazy("STATUS", "Started"),  # workflow/status.py
]
