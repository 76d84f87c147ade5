package dev.esetshop.examples.web;

import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header shows: the logged-in user, when there is one. */
@ControllerAdvice
class PageModel {

    @ModelAttribute("currentUser")
    String currentUser(Principal user) {
        return user == null ? "" : user.getName();
    }
}
