import{r as e}from"./rolldown-runtime-BLXQ4ufn.js";import{$r as t,A as n,Ar as r,B as i,Bn as a,Br as o,C as s,Cr as c,Ct as l,Dr as u,E as d,En as f,Et as p,F as m,G as h,Gr as g,H as _,Ir as v,J as y,Jr as b,L as x,Ln as S,Lr as C,Lt as w,Mn as T,Mr as E,Nr as D,Nt as O,O as k,Pn as ee,Pr as te,Q as ne,Qr as re,Rn as ie,Rr as ae,S as oe,T as A,Tt as se,U as ce,Vn as le,X as ue,Y as j,Yr as de,b as M,d as N,et as P,f as fe,fn as F,hr as pe,i as I,ir as me,it as L,j as he,jr as R,kr as ge,kt as _e,m as ve,mn as ye,n as be,nr as z,o as xe,or as B,pn as Se,q as Ce,r as we,ti as Te,u as V,wt as Ee,x as De,y as Oe,zr as H}from"./index-Bv15gHvB.js";import{t as U}from"./descriptions-_YYC_uNG.js";import{a as ke}from"./upload-CsnbNX_2.js";import{t as W}from"./list-N6hIvrfC.js";import{t as Ae}from"./progress-CzgtPwAI.js";import{n as je,s as G,t as K,u as Me}from"./space-CDIbhnFy.js";import{t as q}from"./tag-DpJL2KMj.js";import{t as J}from"./StatusTag-BcTj3AoW.js";import{n as Ne,r as Pe,t as Fe}from"./SignerActsCard-qp4-XKYh.js";import{t as Y}from"./work-E4r17Gxl.js";import{n as Ie,t as Le}from"./PersonPicker-DooitGsg.js";var X=e(g(),1),Z;function Re(){}function ze(){return Z||=X.createContext(null),X.useCallback(function(){var e=console.error;try{return console.error=Re,X.useContext(Z),!0}catch{return!1}finally{console.error=e}},[])}var Be=[`refetch`,`reobserve`,`fetchMore`,`updateQuery`,`startPolling`,`stopPolling`,`subscribeToMore`],Ve=[`initialFetchPolicy`,`onCompleted`,`onError`,`defaultOptions`,`partialRefetch`,`canonizeResults`],He=[`query`,`ssr`,`client`,`fetchPolicy`,`nextFetchPolicy`,`refetchWritePolicy`,`errorPolicy`,`pollInterval`,`notifyOnNetworkStatusChange`,`returnPartialData`,`skipPollAttempt`];function Ue(e,n){if(globalThis.__DEV__!==!1){var r=n||{};H(r,`canonizeResults`,`useLazyQuery`),H(r,`variables`,`useLazyQuery`,"Pass all `variables` to the returned `execute` function instead."),H(r,`context`,`useLazyQuery`,"Pass `context` to the returned `execute` function instead."),H(r,`onCompleted`,`useLazyQuery`,"If your `onCompleted` callback sets local state, switch to use derived state using `data` returned from the hook instead. Use `useEffect` to perform side-effects as a result of updates to `data`."),H(r,`onError`,`useLazyQuery`,"If your `onError` callback sets local state, switch to use derived state using `data`, `error` or `errors` returned from the hook instead. Use `useEffect` if you need to perform side-effects as a result of updates to `data`, `error` or `errors`."),H(r,`defaultOptions`,`useLazyQuery`,`Pass the options directly to the hook instead.`),H(r,`initialFetchPolicy`,`useLazyQuery`,"Use the `fetchPolicy` option instead."),H(r,`partialRefetch`,`useLazyQuery`)}var i=X.useRef(void 0),a=X.useRef(void 0),s=X.useRef(void 0),c=de(n,i.current||{}),l=c?.query??e;a.current=n,s.current=l;var u=t(t({},c),{skip:!i.current}),d=ae(l,u),f=d.obsQueryFields,p=d.result,m=d.client,h=d.resultData,g=d.observable,_=d.onQueryExecuted,v=g.options.initialFetchPolicy||D(u.defaultOptions,m.defaultOptions),y=X.useReducer(function(e){return e+1},0)[1],x=X.useMemo(function(){for(var e={},t=function(t){var n=f[t];e[t]=function(){return globalThis.__DEV__!==!1&&t===`reobserve`&&globalThis.__DEV__!==!1&&re.warn(79),i.current||(i.current=Object.create(null),y()),n.apply(this,arguments)}},n=0,r=Be;n<r.length;n++)t(r[n]);return e},[y,f]),S=!!i.current,C=X.useMemo(function(){return t(t(t({},p),x),{called:S})},[p,x,S]),w=ze(),T=X.useRef(new Set),E=X.useCallback(function(e){if(globalThis.__DEV__!==!1){w()&&globalThis.__DEV__!==!1&&re.warn(80);for(var n=0,r=Ve;n<r.length;n++){var o=r[n];T.current.has(o)||(b(e||{},o,`useLazyQuery.execute`),T.current.add(o))}for(var c=0,u=He;c<u.length;c++){var d=u[c];T.current.has(d)||(b(e||{},d,`useLazyQuery.execute`,"Please pass the option to the `useLazyQuery` hook instead."),T.current.add(d))}}i.current=e?t(t({},e),{fetchPolicy:e.fetchPolicy||v}):{fetchPolicy:v};var f=de(a.current,t({query:s.current},i.current)),p=We(h,g,m,l,t(t({},f),{skip:!1}),_).then(function(e){return Object.assign(e,x)});return p.catch(function(){}),p},[w,m,l,x,v,g,h,_]),O=X.useRef(E);return o(function(){O.current=E}),[X.useCallback(function(){var e=[...arguments];return O.current.apply(O,e)},[]),C]}function We(e,t,n,r,i,a){var o=i.query||r,s=E(n,o,i,!1)(t),c=t.reobserveAsConcast(te(t,n,i,s));return a(s),new Promise(function(r){var i;c.subscribe({next:function(e){i=e},error:function(){r(v(t.getCurrentResult(),e.previousData,t,n))},complete:function(){r(v(t.maskResult(i),e.previousData,t,n))}})})}var Q=e(Te());function Ge(){var e=(0,Q.useState)({id:0,callback:null}),t=B(e,2),n=t[0],r=t[1],i=(0,Q.useCallback)(function(e){r(function(t){return{id:t.id+1,callback:e}})},[]);return(0,Q.useEffect)(function(){var e;(e=n.callback)==null||e.call(n)},[n]),i}var Ke=Q.createContext(null);function qe(e){var t=Q.useContext(Ke),n=t.notFoundContent,r=t.activeIndex,i=t.setActiveIndex,a=t.selectOption,o=t.onFocus,s=t.onBlur,c=t.onScroll,l=e.prefixCls,u=e.options,d=u[r]||{};return Q.createElement(P,{prefixCls:`${l}-menu`,activeKey:d.key,onSelect:function(e){var t=e.key;a(u.find(function(e){return e.key===t}))},onFocus:o,onBlur:s,onScroll:c},u.map(function(e,t){var n=e.key,r=e.disabled,a=e.className,o=e.style,s=e.label;return Q.createElement(L,{key:n,disabled:r,className:a,style:o,onMouseEnter:function(){i(t)}},s)}),!u.length&&Q.createElement(L,{disabled:!0},n))}var Je={bottomRight:{points:[`tl`,`br`],offset:[0,4],overflow:{adjustX:1,adjustY:1}},bottomLeft:{points:[`tr`,`bl`],offset:[0,4],overflow:{adjustX:1,adjustY:1}},topRight:{points:[`bl`,`tr`],offset:[0,-4],overflow:{adjustX:1,adjustY:1}},topLeft:{points:[`br`,`tl`],offset:[0,-4],overflow:{adjustX:1,adjustY:1}}},Ye=function(e){var t=e.prefixCls,n=e.options,r=e.children,i=e.visible,a=e.transitionName,o=e.getPopupContainer,s=e.dropdownClassName,c=e.direction,l=e.placement,u=`${t}-dropdown`,d=Q.createElement(qe,{prefixCls:u,options:n}),f=(0,Q.useMemo)(function(){return c===`rtl`?l===`top`?`topLeft`:`bottomLeft`:l===`top`?`topRight`:`bottomRight`},[c,l]);return Q.createElement(p,{prefixCls:u,popupVisible:i,popup:d,popupPlacement:f,popupTransitionName:a,builtinPlacements:Je,getPopupContainer:o,popupClassName:s},r)},Xe=function(){return null};function Ze(e){var t=e.selectionStart;return e.value.slice(0,t)}function Qe(e,t){return t.reduce(function(t,n){var r=e.lastIndexOf(n);return r>t.location?{location:r,prefix:n}:t},{location:-1,prefix:``})}function $e(e){return(e||``).toLowerCase()}function et(e,t,n){var r=e[0];if(!r||r===n)return e;for(var i=e,a=t.length,o=0;o<a;o+=1)if($e(i[o])!==$e(t[o])){i=i.slice(o);break}else o===a-1&&(i=i.slice(a));return i}function tt(e,t){var n=t.measureLocation,r=t.prefix,i=t.targetText,a=t.selectionStart,o=t.split,s=e.slice(0,n);s[s.length-o.length]===o&&(s=s.slice(0,s.length-o.length)),s&&=`${s}${o}`;var c=et(e.slice(a),i.slice(a-n-r.length),o);c.slice(0,o.length)===o&&(c=c.slice(o.length));var l=`${s}${r}${i}${o}`;return{text:`${l}${c}`,selectionLocation:l.length}}function nt(e,t){e.setSelectionRange(t,t),e.blur(),e.focus()}function rt(e,t){return!t||e.indexOf(t)===-1}function it(e,t){var n=t.value,r=n===void 0?``:n,i=e.toLowerCase();return r.toLowerCase().indexOf(i)!==-1}var at=e(r()),ot=`prefixCls.className.style.prefix.split.notFoundContent.value.defaultValue.children.options.open.allowClear.silent.validateSearch.filterOption.onChange.onKeyDown.onKeyUp.onPressEnter.onSearch.onSelect.onFocus.onBlur.transitionName.placement.direction.getPopupContainer.dropdownClassName.rows.visible.onPopupScroll`.split(`.`),st=[`suffix`,`prefixCls`,`defaultValue`,`value`,`allowClear`,`onChange`,`classNames`,`className`,`disabled`,`onClear`],ct=(0,Q.forwardRef)(function(e,t){var n=e.prefixCls,r=e.className,i=e.style,a=e.prefix,o=a===void 0?`@`:a,s=e.split,l=s===void 0?` `:s,f=e.notFoundContent,p=f===void 0?`Not Found`:f,m=e.value,h=e.defaultValue,g=e.children,_=e.options,v=e.open;e.allowClear;var y=e.silent,b=e.validateSearch,x=b===void 0?rt:b,S=e.filterOption,C=S===void 0?it:S,w=e.onChange,T=e.onKeyDown,E=e.onKeyUp,D=e.onPressEnter,O=e.onSearch,k=e.onSelect,ee=e.onFocus,te=e.onBlur,ne=e.transitionName,re=e.placement,ae=e.direction,oe=e.getPopupContainer,A=e.dropdownClassName,se=e.rows,ce=se===void 0?1:se;e.visible;var le=e.onPopupScroll,ue=me(e,ot),j=(0,Q.useMemo)(function(){return Array.isArray(o)?o:[o]},[o]),de=(0,Q.useRef)(null),M=(0,Q.useRef)(null),N=(0,Q.useRef)(null),P=function(){var e;return(e=M.current)==null||(e=e.resizableTextArea)==null?void 0:e.textArea};Q.useImperativeHandle(t,function(){var e;return{focus:function(){return M.current?.focus()},blur:function(){return M.current?.blur()},textarea:(e=M.current)==null||(e=e.resizableTextArea)==null?void 0:e.textArea,nativeElement:de.current}});var fe=(0,Q.useState)(!1),pe=B(fe,2),I=pe[0],L=pe[1],he=(0,Q.useState)(``),R=B(he,2),_e=R[0],ve=R[1],ye=(0,Q.useState)(``),be=B(ye,2),z=be[0],xe=be[1],Se=(0,Q.useState)(0),Ce=B(Se,2),we=Ce[0],Te=Ce[1],V=(0,Q.useState)(0),Ee=B(V,2),De=Ee[0],Oe=Ee[1],H=(0,Q.useState)(!1),U=B(H,2),ke=U[0],W=U[1],Ae=ie(``,{defaultValue:h,value:m}),je=B(Ae,2),G=je[0],K=je[1];(0,Q.useEffect)(function(){I&&N.current&&(N.current.scrollTop=P().scrollTop)},[I]);var Me=Q.useMemo(function(){if(v)for(var e=0;e<j.length;e+=1){var t=j[e],n=G.lastIndexOf(t);if(n>=0)return[!0,``,t,n]}return[I,_e,z,we]},[v,I,j,G,_e,z,we]),q=B(Me,4),J=q[0],Ne=q[1],Pe=q[2],Fe=q[3],Y=Q.useCallback(function(e){return(_&&_.length>0?_.map(function(e){return c(c({},e),{},{key:e?.key??e.value})}):u(g).map(function(e){var t=e.props,n=e.key;return c(c({},t),{},{label:t.children,key:n||t.value})})).filter(function(t){return C===!1||C(e,t)})},[g,_,C]),Ie=Q.useMemo(function(){return Y(Ne)},[Y,Ne]),Le=Ge(),X=function(e,t,n){L(!0),ve(e),xe(t),Te(n),Oe(0)},Z=function(e){L(!1),Te(0),ve(``),Le(e)},Re=function(e){K(e),w?.(e)},ze=function(e){Re(e.target.value)},Be=function(e){var t=e.value,n=tt(G,{measureLocation:Fe,targetText:t===void 0?``:t,prefix:Pe,selectionStart:P()?.selectionStart,split:l}),r=n.text,i=n.selectionLocation;Re(r),Z(function(){nt(P(),i)}),k?.(e,Pe)},Ve=function(e){var t=e.which;if(T?.(e),J){if(t===F.UP||t===F.DOWN){var n=Ie.length;Oe((De+(t===F.UP?-1:1)+n)%n),e.preventDefault()}else if(t===F.ESC)Z();else if(t===F.ENTER){if(e.preventDefault(),y)return;if(!Ie.length){Z();return}Be(Ie[De])}}},He=function(e){var t=e.key,n=e.which,r=Ze(e.target),i=Qe(r,j),a=i.location,o=i.prefix;if(E?.(e),[F.ESC,F.UP,F.DOWN,F.ENTER].indexOf(n)===-1){if(a!==-1){var s=r.slice(a+o.length),c=x(s,l),u=!!Y(s).length;c?(t===o||t===`Shift`||n===F.ALT||t===`AltGraph`||J||s!==Ne&&u)&&X(s,o,a):J&&Z(),O&&c&&O(s,o)}else J&&Z()}},Ue=function(e){!J&&D&&D(e)},We=(0,Q.useRef)(),qe=function(e){window.clearTimeout(We.current),!ke&&e&&ee&&ee(e),W(!0)},Je=function(e){We.current=window.setTimeout(function(){W(!1),Z(),te?.(e)},0)};return Q.createElement(`div`,{className:(0,at.default)(n,r),style:i,ref:de},Q.createElement(d,ge({ref:M,value:G},ue,{rows:ce,onChange:ze,onKeyDown:Ve,onKeyUp:He,onPressEnter:Ue,onFocus:qe,onBlur:Je})),J&&Q.createElement(`div`,{ref:N,className:`${n}-measure`},G.slice(0,Fe),Q.createElement(Ke.Provider,{value:{notFoundContent:p,activeIndex:De,setActiveIndex:Oe,selectOption:Be,onFocus:function(){qe()},onBlur:function(){Je()},onScroll:function(e){le?.(e)}}},Q.createElement(Ye,{prefixCls:n,transitionName:ne,placement:re,direction:ae,options:Ie,visible:!0,getPopupContainer:oe,dropdownClassName:A},Q.createElement(`span`,null,Pe))),G.slice(Fe+Pe.length)))}),lt=(0,Q.forwardRef)(function(e,t){var n=e.suffix,r=e.prefixCls,i=r===void 0?`rc-mentions`:r,a=e.defaultValue,o=e.value,s=e.allowClear,l=e.onChange,u=e.classNames,d=e.className,f=e.disabled,p=e.onClear,m=me(e,st),h=(0,Q.useRef)(null),g=(0,Q.useRef)(null);(0,Q.useImperativeHandle)(t,function(){return c(c({},g.current),{},{nativeElement:h.current?.nativeElement||g.current?.nativeElement})});var _=ie(``,{defaultValue:a,value:o}),v=B(_,2),y=v[0],b=v[1],x=function(e){b(e),l?.(e)};return Q.createElement(he,{suffix:n,prefixCls:i,value:y,allowClear:s,handleReset:function(){x(``)},className:d,classNames:u,disabled:f,ref:h,onClear:p},Q.createElement(ct,ge({className:u?.mentions,prefixCls:i,ref:g,onChange:x,disabled:f},m)))});lt.Option=Xe;var ut=lt,dt=e=>{let{componentCls:t,antCls:n,colorTextDisabled:r,controlItemBgHover:a,controlPaddingHorizontal:o,colorText:s,motionDurationSlow:c,lineHeight:l,controlHeight:u,paddingInline:d,paddingBlock:f,fontSize:p,fontSizeIcon:m,colorIcon:g,colorTextQuaternary:v,colorBgElevated:b,paddingXXS:S,borderRadius:C,borderRadiusLG:w,boxShadowSecondary:E,itemPaddingVertical:D,calc:O}=e;return{[t]:Object.assign(Object.assign(Object.assign(Object.assign(Object.assign(Object.assign(Object.assign(Object.assign(Object.assign({},T(e)),x(e)),{position:`relative`,display:`inline-block`,height:`auto`,padding:`0 ${z(e.paddingInline)}`,overflow:`hidden`,lineHeight:l,whiteSpace:`pre-wrap`,verticalAlign:`bottom`}),Ce(e)),h(e)),_(e)),{"&-affix-wrapper":Object.assign(Object.assign({},x(e)),{display:`inline-flex`,paddingBlock:0,paddingInlineStart:0,paddingInlineEnd:e.paddingInline,"&::before":{display:`inline-block`,width:0,visibility:`hidden`,content:`"\\a0"`},[`${t}-suffix`]:{display:`inline-flex`,alignItems:`center`,[`&:has(${n}-form-item-feedback-icon) ${t}-clear-icon`]:{marginInlineEnd:e.marginXS},[`${n}-form-item-feedback-icon`]:{display:`inline-flex`,alignItems:`center`,justifyContent:`center`}},[`${t}-clear-icon`]:{insetInlineEnd:0,insetBlockStart:O(p).mul(l).mul(.5).add(f).equal(),padding:0,lineHeight:0,color:v,fontSize:m,verticalAlign:-1,cursor:`pointer`,transition:`color ${c}`,border:`none`,outline:`none`,backgroundColor:`transparent`,"&:hover":{color:g},"&:active":{color:s},"&-hidden":{visibility:`hidden`}}})}),y(e)),{"&-disabled":{"> textarea":Object.assign({},ce(e))},[`&, &-affix-wrapper > ${t}`]:{[`> textarea, ${t}-measure`]:{color:s,boxSizing:`border-box`,minHeight:e.calc(u).sub(2).equal(),margin:0,padding:`${z(f)} ${z(d)}`,overflow:`inherit`,overflowX:`hidden`,overflowY:`auto`,fontWeight:`inherit`,fontSize:`inherit`,fontFamily:`inherit`,fontStyle:`inherit`,fontVariant:`inherit`,fontSizeAdjust:`inherit`,fontStretch:`inherit`,lineHeight:`inherit`,direction:`inherit`,letterSpacing:`inherit`,whiteSpace:`inherit`,textAlign:`inherit`,verticalAlign:`top`,wordWrap:`break-word`,wordBreak:`inherit`,tabSize:`inherit`},"> textarea:disabled":{color:r},"> textarea":Object.assign(Object.assign({width:`100%`,border:`none`,outline:`none`,resize:`none`,backgroundColor:`transparent`},i(e.colorTextPlaceholder)),{padding:`${z(e.paddingBlock)} 0`}),[`${t}-measure`]:{position:`absolute`,top:0,insetInlineEnd:0,bottom:0,insetInlineStart:0,zIndex:-1,color:`transparent`,pointerEvents:`none`,"> span":{display:`inline-block`,minHeight:`1em`}}},"&-dropdown":Object.assign(Object.assign({},T(e)),{position:`absolute`,top:-9999,insetInlineStart:-9999,zIndex:e.zIndexPopup,boxSizing:`border-box`,fontSize:p,fontVariant:`initial`,padding:S,backgroundColor:b,borderRadius:w,outline:`none`,boxShadow:E,"&-hidden":{display:`none`},[`${t}-dropdown-menu`]:{maxHeight:e.dropdownHeight,margin:0,paddingInlineStart:0,overflow:`auto`,listStyle:`none`,outline:`none`,"&-item":Object.assign(Object.assign({},ee),{position:`relative`,display:`block`,minWidth:e.controlItemWidth,padding:`${z(D)} ${z(o)}`,color:s,borderRadius:C,fontWeight:`normal`,lineHeight:l,cursor:`pointer`,transition:`background ${c} ease`,"&:hover":{backgroundColor:a},"&-disabled":{color:r,cursor:`not-allowed`,"&:hover":{color:r,backgroundColor:a,cursor:`not-allowed`}},"&-selected":{color:s,fontWeight:e.fontWeightStrong,backgroundColor:a},"&-active":{backgroundColor:a}})}})})}},ft=f(`Mentions`,e=>dt(S(e,ue(e))),e=>Object.assign(Object.assign({},j(e)),{dropdownHeight:250,controlItemWidth:100,zIndexPopup:e.zIndexPopupBase+50,itemPaddingVertical:(e.controlHeight-e.fontHeight)/2})),pt=function(e,t){var n={};for(var r in e)Object.prototype.hasOwnProperty.call(e,r)&&t.indexOf(r)<0&&(n[r]=e[r]);if(e!=null&&typeof Object.getOwnPropertySymbols==`function`)for(var i=0,r=Object.getOwnPropertySymbols(e);i<r.length;i++)t.indexOf(r[i])<0&&Object.prototype.propertyIsEnumerable.call(e,r[i])&&(n[r[i]]=e[r[i]]);return n},{Option:mt}=ut;function ht(){return!0}var gt=Q.forwardRef((e,t)=>{let{prefixCls:r,className:i,rootClassName:o,disabled:c,loading:u,filterOption:d,children:f,notFoundContent:p,options:m,status:h,allowClear:g=!1,popupClassName:_,style:v,variant:y}=e,b=pt(e,[`prefixCls`,`className`,`rootClassName`,`disabled`,`loading`,`filterOption`,`children`,`notFoundContent`,`options`,`status`,`allowClear`,`popupClassName`,`style`,`variant`]),[x,S]=Q.useState(!1),C=Q.useRef(null),w=pe(t,C),{getPrefixCls:T,renderEmpty:E,direction:D,mentions:k}=Q.useContext(le),{status:ee,hasFeedback:te,feedbackIcon:ne}=Q.useContext(O),re=Ee(ee,h),ie=Q.useContext(a),ae=c??ie,oe=(...e)=>{b.onFocus&&b.onFocus.apply(b,e),S(!0)},A=(...e)=>{b.onBlur&&b.onBlur.apply(b,e),S(!1)},ce=Q.useMemo(()=>p===void 0?E?.(`Select`)||Q.createElement(G,{componentName:`Select`}):p,[p,E]),ue=Q.useMemo(()=>u?Q.createElement(mt,{value:`ANTD_SEARCHING`,disabled:!0},Q.createElement(s,{size:`small`})):f,[u,f]),j=u?[{value:`ANTD_SEARCHING`,disabled:!0,label:Q.createElement(s,{size:`small`})}]:m,de=u?ht:d,M=T(`mentions`,r),N=n(g),P=Se(M),[fe,F,I]=ft(M,P),[me,L]=l(`mentions`,y),he=te&&Q.createElement(Q.Fragment,null,ne),R=(0,at.default)(k?.className,i,o,I,P);return fe(Q.createElement(ut,Object.assign({silent:u,prefixCls:M,notFoundContent:ce,className:R,disabled:ae,allowClear:N,direction:D,style:Object.assign(Object.assign({},k?.style),v)},b,{filterOption:de,onFocus:oe,onBlur:A,dropdownClassName:(0,at.default)(_,o,F,I,P),ref:w,options:j,suffix:he,classNames:{mentions:(0,at.default)({[`${M}-disabled`]:ae,[`${M}-focused`]:x,[`${M}-rtl`]:D===`rtl`},F),variant:(0,at.default)({[`${M}-${me}`]:L},se(M,re)),affixWrapper:F}}),ue))});gt.Option=mt,gt._InternalPanelDoNotUseOrYouWillBeFired=Me(gt,void 0,void 0,`mentions`),gt.getMentions=(e=``,t={})=>{let{prefix:n=`@`,split:r=` `}=t,i=oe(n);return e.split(r).map((e=``)=>{let t=null;return i.some(n=>e.slice(0,n.length)===n&&(t=n,!0)),t===null?null:{prefix:t,value:e.slice(t.length)}}).filter(e=>!!e&&!!e.value)};var _t=e(ne(),1),$=we(),vt=V(`
  query MentionCandidates($text: String!) {
    users(filter: { text: $text }, first: 10) {
      edges {
        node {
          id
          username
          displayName
          department {
            id
            name
          }
        }
      }
    }
  }
`),yt=/[A-Za-z0-9_.@-]/;function bt(e,t){let n=t.replace(/[.*+?^${}()|[\]\\-]/g,`\\$&`);return e.replace(RegExp(`(.)@${n}(?![A-Za-z0-9_.-]*[A-Za-z0-9_])`,`g`),(e,n)=>yt.test(n)?`${n} @${t}`:e)}function xt(e){let[t,{data:n,loading:r}]=Ue(vt),i=(0,Q.useRef)(e.value??``),a=(n?.users.edges??[]).map(({node:e})=>({key:e.id,value:e.username,label:`${e.displayName}${e.department?` · ${e.department.name}`:``} (@${e.username})`})),o=t=>{i.current=t,e.onChange?.(t)};return(0,$.jsx)(gt,{id:e.id,value:e.value,onChange:o,onSelect:e=>{let t=bt(i.current,e.value??``);t!==i.current&&o(t)},autoSize:{minRows:2},loading:r,filterOption:!1,options:a,onSearch:e=>void(e?t({variables:{text:e}}):void 0)})}V(`
  fragment AcceptanceSigners on TaskResult {
    signoffs {
      department {
        id
      }
    }
    addedSigners {
      createdAt
      department {
        id
        name
        nameEn
        head {
          id
          displayName
        }
      }
      addedBy {
        id
        displayName
      }
    }
    handovers {
      createdAt
      department {
        id
        name
        nameEn
      }
      fromUser {
        id
        displayName
      }
      toUser {
        id
        displayName
      }
    }
  }
`);var St=V(`
  mutation AddAcceptanceSigner($taskId: ID!, $userId: ID!) {
    addAcceptanceSigner(taskId: $taskId, userId: $userId) {
      id
    }
  }
`),Ct=V(`
  mutation HandOverAcceptance($taskId: ID!, $toUserId: ID!, $departmentId: ID) {
    handOverAcceptance(taskId: $taskId, toUserId: $toUserId, departmentId: $departmentId) {
      id
    }
  }
`),wt=V(`
  mutation RemindAcceptor($taskId: ID!, $departmentId: ID!) {
    remindAcceptor(taskId: $taskId, departmentId: $departmentId) {
      id
    }
  }
`);function Tt({taskId:e,status:t,initiatorId:n,assigneeId:r,involved:i,result:a,toAccept:o}){let{t:s}=N(),{viewer:c}=be(),l={refetchQueries:[`TaskPage`,Y],awaitRefetchQueries:!0},[u]=R(St,l),[d]=R(Ct,l),[f]=R(wt,l);if(!a)return null;let p=t===`SUBMITTED`&&a.decision===`PENDING`,m=i.filter(e=>e.isLead).map(e=>e.department.id),h=new Map;for(let e of i)e.isLead||h.set(e.department.id,e.department);for(let e of a.addedSigners)e.department&&h.set(e.department.id,e.department);let g=new Set(a.signoffs.map(e=>e.department?.id)),_=[...h.values()].filter(e=>!g.has(e.id)),v=c.id===n;return(0,$.jsx)(Fe,{testId:`acceptance-signers`,title:s(`signers.acceptanceTitle`),pending:_,asked:[...h.keys(),...m],canAdd:p&&o,canHandOver:p&&o&&!v,canRemind:p&&v&&_.length>0,mySeats:Ne(_,c),excludedIds:[c.id,...[n,r].filter(e=>!!e)],addedSigners:a.addedSigners,handovers:a.handovers,onAdd:t=>u({variables:{taskId:e,userId:t}}),onHandOver:(t,n)=>d({variables:{taskId:e,toUserId:t,departmentId:n}}),onRemind:t=>f({variables:{taskId:e,departmentId:t}})})}var Et=V(`
  mutation AssignTask($input: UpdateTaskInput!) {
    updateTask(input: $input) {
      id
      deadline
      assignee {
        id
        displayName
      }
    }
  }
`);function Dt({taskId:e,departmentId:t,assigneeId:n,assigneeName:r,deadline:i,onAssigned:a}){let{t:o,language:s}=N(),{message:c}=_e.useApp(),[l,{loading:u,error:d}]=R(Et,{refetchQueries:[Y]}),f=async t=>{await l({variables:{input:{id:e,assigneeId:t.assigneeId,deadline:t.deadline.endOf(`day`).toISOString()}}}).catch(()=>null)&&(c.success(o(`assign.done`)),a())};return(0,$.jsxs)(m,{size:`small`,title:o(`assign.title`),"data-testid":`assign-task`,children:[d&&(0,$.jsx)(ye,{type:`error`,showIcon:!0,message:xe(d,o,s),style:{marginBottom:12}}),(0,$.jsxs)(k,{layout:`vertical`,initialValues:{assigneeId:n??void 0,deadline:i?(0,_t.default)(i):void 0},onFinish:e=>void f(e),children:[(0,$.jsx)(k.Item,{label:o(`task.assignee`),name:`assigneeId`,rules:[{required:!0,message:o(`field.required`,{label:o(`task.assignee`)})}],children:(0,$.jsx)(Le,{departmentIds:t?[t]:void 0,known:n&&r?[{value:n,label:r}]:[]})}),(0,$.jsx)(k.Item,{label:o(`task.deadline`),name:`deadline`,rules:[{required:!0,message:o(`field.required`,{label:o(`task.deadline`)})}],children:(0,$.jsx)(Ie,{style:{width:`100%`},disabledDate:e=>e.isBefore((0,_t.default)(),`day`)})}),(0,$.jsx)(w,{type:`primary`,htmlType:`submit`,loading:u,children:o(`assign.submit`)})]})]})}var Ot={PENDING:`purple`,ACCEPTED:`success`,REJECTED:`error`},kt=V(`
  query TaskPage($code: String!) {
    task(code: $code) {
      id
      code
      title
      description
      status
      progress
      priority
      startDate
      deadline
      isOverdue
      acceptanceCriteria
      requirement {
        id
        code
        title
        status
        initiator {
          id
        }
        involvedDepartments {
          isLead
          department {
            id
            name
            nameEn
            head {
              id
              displayName
            }
          }
        }
      }
      assignee {
        id
        displayName
      }
      executingDepartment {
        id
        name
        nameEn
      }
      progressUpdates {
        id
        percent
        summary
        problems
        supportNeeded
        createdAt
        author {
          id
          displayName
        }
      }
      results {
        id
        note
        decision
        decisionComment
        createdAt
        decidedBy {
          id
          displayName
        }
        files {
          fileName
        }
        ...AcceptanceSigners
      }
      attachments {
        ...AttachmentItem
      }
      comments {
        id
        body
        createdAt
        author {
          id
          displayName
        }
      }
    }
  }
`),At=V(`
  mutation StartTask($id: ID!) {
    startTask(id: $id) {
      id
      status
    }
  }
`),jt=V(`
  mutation ReportProgress($input: ReportProgressInput!) {
    reportProgress(input: $input) {
      id
      progress
    }
  }
`),Mt=V(`
  mutation SubmitTaskResult($input: SubmitTaskResultInput!) {
    submitTaskResult(input: $input) {
      id
      status
    }
  }
`),Nt=V(`
  mutation ReviewTaskResult($input: ReviewTaskResultInput!) {
    reviewTaskResult(input: $input) {
      id
      status
    }
  }
`),Pt=V(`
  mutation AddComment($input: AddCommentInput!) {
    addComment(input: $input) {
      id
    }
  }
`);function Ft(){let{code:e=``}=Oe(),{t,language:n}=N(),{message:r}=_e.useApp(),{viewer:i}=be(),{data:a,loading:o,error:s,refetch:c}=C(kt,{variables:{code:e},fetchPolicy:`cache-and-network`,context:{queryDeduplication:!1}}),l=C(Y),u=[kt,Y],[d]=R(At,{refetchQueries:u}),[f]=R(jt,{refetchQueries:u}),[p]=R(Mt,{refetchQueries:u}),[h]=R(Nt,{refetchQueries:u}),[g]=R(Pt,{refetchQueries:[kt]}),[_]=k.useForm(),[v]=k.useForm(),[y]=k.useForm(),[b]=k.useForm();if(s){let e=I(s)===`NOT_FOUND`;return(0,$.jsx)(De,{status:e?`404`:`error`,title:xe(s,t,n)})}let x=a?.task;if(!x)return(0,$.jsx)(m,{loading:o});let S=async(e,i)=>{try{await e(),r.success(t(`task.done`)),i?.resetFields()}catch(e){r.error(xe(e,t,n))}},T=x.assignee?.id===i.id,E=l.data?.myWork.acceptances.some(e=>e.id===x.id)??!1,D=x.requirement?.initiator?.id===i.id&&x.status===`PENDING`&&[`INITIATED`,`IN_PROGRESS`].includes(x.requirement.status);return(0,$.jsxs)(K,{direction:`vertical`,size:16,style:{width:`100%`},children:[(0,$.jsxs)(K,{wrap:!0,align:`center`,children:[(0,$.jsx)(M.Title,{level:1,style:{fontSize:22,margin:0},children:x.title}),(0,$.jsx)(J,{status:x.status}),x.isOverdue&&(0,$.jsx)(q,{color:`red`,children:t(`task.overdue`)})]}),(0,$.jsx)(m,{size:`small`,children:(0,$.jsxs)(U,{column:{xs:1,md:2,xl:3},size:`small`,children:[(0,$.jsx)(U.Item,{label:t(`task.code`),children:x.code}),(0,$.jsx)(U.Item,{label:t(`task.requirement`),children:x.requirement&&(0,$.jsx)(ve,{to:`/requirements/${x.requirement.code}`,children:x.requirement.title})}),(0,$.jsx)(U.Item,{label:t(`task.assignee`),children:x.assignee?.displayName}),(0,$.jsx)(U.Item,{label:t(`task.department`),children:n===`en`?x.executingDepartment?.nameEn:x.executingDepartment?.name}),(0,$.jsx)(U.Item,{label:t(`task.deadline`),children:x.deadline?(0,_t.default)(x.deadline).format(`YYYY-MM-DD HH:mm`):`—`}),(0,$.jsx)(U.Item,{label:t(`task.percent`),children:(0,$.jsx)(Ae,{percent:x.progress,size:`small`,style:{minWidth:120},"aria-label":t(`task.progressNow`)})}),x.description&&(0,$.jsx)(U.Item,{label:t(`task.description`),span:{xs:1,md:2,xl:3},children:x.description}),x.acceptanceCriteria&&(0,$.jsx)(U.Item,{label:t(`req.acceptanceCriteria`),span:{xs:1,md:2,xl:3},children:x.acceptanceCriteria})]})}),D&&(0,$.jsx)(Dt,{taskId:x.id,departmentId:x.executingDepartment?.id??null,assigneeId:x.assignee?.id??null,assigneeName:x.assignee?.displayName,deadline:x.deadline??null,onAssigned:()=>void c()}),T&&x.status===`PENDING`&&(0,$.jsx)(w,{type:`primary`,onClick:()=>void S(()=>d({variables:{id:x.id}})),children:t(`task.start`)}),T&&x.status===`IN_PROGRESS`&&(0,$.jsx)(m,{size:`small`,title:t(`task.progress`),children:(0,$.jsxs)(k,{form:_,layout:`vertical`,onFinish:e=>void S(()=>f({variables:{input:{taskId:x.id,...e}}}),_),children:[(0,$.jsx)(k.Item,{label:t(`task.percent`),name:`percent`,initialValue:x.progress,rules:[{required:!0,type:`integer`,min:0,max:100}],children:(0,$.jsx)(ke,{min:0,max:100,addonAfter:`%`})}),(0,$.jsx)(k.Item,{label:t(`task.summary`),name:`summary`,rules:[{required:!0,whitespace:!0}],children:(0,$.jsx)(A.TextArea,{autoSize:{minRows:2}})}),(0,$.jsx)(k.Item,{label:t(`task.problems`),name:`problems`,initialValue:``,children:(0,$.jsx)(A.TextArea,{autoSize:!0})}),(0,$.jsx)(k.Item,{label:t(`task.support`),name:`supportNeeded`,initialValue:``,children:(0,$.jsx)(A.TextArea,{autoSize:!0})}),(0,$.jsx)(w,{type:`primary`,htmlType:`submit`,children:t(`task.report`)})]})}),T&&x.status===`IN_PROGRESS`&&(0,$.jsx)(m,{size:`small`,title:t(`task.submitResult`),children:(0,$.jsxs)(k,{form:v,layout:`vertical`,onFinish:e=>void S(()=>p({variables:{input:{taskId:x.id,note:e.note,attachmentIds:e.attachmentIds??[]}}}),v),children:[(0,$.jsx)(k.Item,{label:t(`task.note`),name:`note`,rules:[{required:!0,whitespace:!0}],children:(0,$.jsx)(A.TextArea,{autoSize:{minRows:2}})}),(0,$.jsx)(k.Item,{label:t(`task.resultFiles`),name:`attachmentIds`,extra:t(`task.resultFilesHelp`),children:(0,$.jsx)(je,{mode:`multiple`,placeholder:t(`field.select`),options:x.attachments.map(e=>({value:e.id,label:e.fileName}))})}),(0,$.jsx)(w,{type:`primary`,htmlType:`submit`,children:t(`task.submitResult`)})]})}),E&&(0,$.jsx)(m,{size:`small`,title:t(`work.acceptances`),children:(0,$.jsxs)(k,{form:y,layout:`vertical`,children:[(0,$.jsx)(k.Item,{label:t(`task.decision`),name:`comment`,children:(0,$.jsx)(A.TextArea,{autoSize:{minRows:2}})}),(0,$.jsx)(K,{children:[!0,!1].map(e=>(0,$.jsx)(w,{type:e?`primary`:`default`,danger:!e,onClick:()=>void S(()=>h({variables:{input:{taskId:x.id,accept:e,comment:y.getFieldValue(`comment`)??``}}})),children:t(e?`task.accept`:`task.rejectResult`)},String(e)))})]})}),(0,$.jsx)(Tt,{taskId:x.id,status:x.status,initiatorId:x.requirement?.initiator?.id??null,assigneeId:x.assignee?.id??null,involved:x.requirement?.involvedDepartments??[],result:x.results.find(e=>e.decision===`PENDING`)??[...x.results].sort((e,t)=>t.createdAt.localeCompare(e.createdAt))[0]??null,toAccept:E}),(0,$.jsx)(m,{size:`small`,title:t(`task.updates`),children:(0,$.jsx)(W,{size:`small`,dataSource:x.progressUpdates,locale:{emptyText:(0,$.jsx)(M.Text,{type:`secondary`,children:t(`common.none`)})},renderItem:e=>(0,$.jsx)(W.Item,{children:(0,$.jsx)(W.Item.Meta,{title:`${e.percent}% · ${e.author?.displayName??``} · ${(0,_t.default)(e.createdAt).format(`MM-DD HH:mm`)}`,description:[e.summary,e.problems,e.supportNeeded].filter(Boolean).join(` / `)})})})}),x.results.length>0&&(0,$.jsx)(m,{size:`small`,title:t(`task.results`),children:(0,$.jsx)(W,{size:`small`,dataSource:x.results,renderItem:e=>(0,$.jsx)(W.Item,{children:(0,$.jsxs)(K,{direction:`vertical`,size:0,children:[(0,$.jsxs)(K,{children:[(0,$.jsx)(q,{color:Ot[e.decision],children:fe(t,`result`,e.decision)}),(0,$.jsx)(M.Text,{children:e.note})]}),e.files.length>0&&(0,$.jsxs)(M.Text,{type:`secondary`,children:[t(`task.resultFiles`),`: `,e.files.map(e=>e.fileName).join(`、`)]}),e.decisionComment&&(0,$.jsxs)(M.Text,{type:`secondary`,children:[e.decidedBy?.displayName,`: `,e.decisionComment]})]})})})}),(0,$.jsx)(Pe,{attachments:x.attachments,target:x.status===`COMPLETED`||!x.requirement?null:{requirementId:x.requirement.id,taskId:x.id},onUploaded:()=>void c()}),(0,$.jsxs)(m,{size:`small`,title:t(`task.comments`),children:[(0,$.jsx)(W,{size:`small`,dataSource:x.comments,locale:{emptyText:(0,$.jsx)(M.Text,{type:`secondary`,children:t(`common.none`)})},renderItem:e=>(0,$.jsx)(W.Item,{children:(0,$.jsx)(W.Item.Meta,{title:`${e.author?.displayName??``} · ${(0,_t.default)(e.createdAt).format(`MM-DD HH:mm`)}`,description:(0,$.jsx)(`span`,{style:{whiteSpace:`pre-wrap`},children:e.body})})})}),(0,$.jsxs)(k,{form:b,layout:`vertical`,onFinish:e=>void S(()=>g({variables:{input:{taskId:x.id,body:e.body}}}),b),children:[(0,$.jsx)(k.Item,{name:`body`,label:t(`task.addComment`),extra:t(`task.mentionHelp`),rules:[{required:!0,whitespace:!0}],children:(0,$.jsx)(xt,{})}),(0,$.jsx)(w,{htmlType:`submit`,children:t(`task.addComment`)})]})]})]})}export{Ft as default};